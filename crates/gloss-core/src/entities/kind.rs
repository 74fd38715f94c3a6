//! The six kinds of named entity gloss marks (after `OntoNotes`), with their names and tags.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a name names. Its name in files and output is the variant's in capitals (`PERSON`,
/// `GPE`), for serde and strum alike; its tag, for marks where colour is off, is three letters.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumProperty,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    /// People, by full name or surname.
    #[strum(props(tag = "PER"))]
    Person,
    /// Countries, cities, states, provinces, districts.
    Gpe,
    /// Agencies, ministries, armed forces, parties, companies, media, alliances.
    Org,
    /// Continents, regions, seas, straits, peninsulas, islands.
    Loc,
    /// Nationalities and groups, adjectives of places.
    #[strum(props(tag = "GRP"))]
    Norp,
    /// Named wars, summits, exercises.
    #[strum(props(tag = "EVT"))]
    Event,
}

impl Kind {
    /// Every kind, in the order legends and panels show them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The name used in files and output: `PERSON`, `GPE`, …
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// A three-letter tag, for marks where colour is off: the name when it is that short.
    pub fn tag(self) -> &'static str {
        strum::EnumProperty::get_str(&self, "tag").unwrap_or(self.name())
    }

    /// What the kind covers, for help and legends.
    pub fn about(self) -> &'static str {
        match self {
            Self::Person => "people",
            Self::Gpe => "countries, cities, states",
            Self::Org => "organisations, agencies, media",
            Self::Loc => "regions, seas, islands, peninsulas",
            Self::Norp => "nationalities and groups",
            Self::Event => "named wars, summits, exercises",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.name().eq_ignore_ascii_case(text) || k.tag().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|k| k.name()).collect();
                format!("unknown entity kind `{text}`; kinds are {}", names.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        let names: Vec<(&str, &str)> = Kind::ALL.iter().map(|k| (k.name(), k.tag())).collect();
        let expected =
            [("PERSON", "PER"), ("GPE", "GPE"), ("ORG", "ORG"), ("LOC", "LOC"), ("NORP", "GRP"), ("EVENT", "EVT")];
        assert_eq!(names, expected, "names in files and output never change");
        assert_eq!(
            "THING".parse::<Kind>(),
            Err("unknown entity kind `THING`; kinds are PERSON, GPE, ORG, LOC, NORP, EVENT".to_owned())
        );
        for &kind in Kind::ALL {
            assert_eq!(ron::to_string(&kind).unwrap(), kind.name(), "serde and strum agree");
            assert_eq!(kind.name().parse::<Kind>(), Ok(kind));
            assert_eq!(kind.tag().to_lowercase().parse::<Kind>(), Ok(kind));
            assert_eq!(ron::from_str::<Kind>(kind.name()).unwrap(), kind);
        }
        assert!("THING".parse::<Kind>().is_err());
    }
}
