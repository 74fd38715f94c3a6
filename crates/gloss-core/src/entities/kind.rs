//! The six kinds of named entity gloss marks (after `OntoNotes`), with their names and tags.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// People, by full name or surname.
    #[serde(rename = "PERSON")]
    Person,
    /// Countries, cities, states, provinces, districts.
    #[serde(rename = "GPE")]
    Gpe,
    /// Agencies, ministries, armed forces, parties, companies, media, alliances.
    #[serde(rename = "ORG")]
    Org,
    /// Continents, regions, seas, straits, peninsulas, islands.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities and groups, adjectives of places.
    #[serde(rename = "NORP")]
    Norp,
    /// Named wars, summits, exercises.
    #[serde(rename = "EVENT")]
    Event,
}

impl Kind {
    pub const ALL: [Self; 6] = [Self::Person, Self::Gpe, Self::Org, Self::Loc, Self::Norp, Self::Event];

    /// The name used in files and output: `PERSON`, `GPE`, …
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Gpe => "GPE",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Norp => "NORP",
            Self::Event => "EVENT",
        }
    }

    /// A three-letter tag, for marks where colour is off.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Person => "PER",
            Self::Gpe => "GPE",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Norp => "GRP",
            Self::Event => "EVT",
        }
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
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(text) || k.tag().eq_ignore_ascii_case(text))
            .ok_or_else(|| format!("unknown entity kind `{text}`; kinds are PERSON, GPE, ORG, LOC, NORP, EVENT"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(kind.name().parse::<Kind>(), Ok(kind));
            assert_eq!(kind.tag().to_lowercase().parse::<Kind>(), Ok(kind));
            assert_eq!(ron::from_str::<Kind>(kind.name()).unwrap(), kind);
        }
        assert!("THING".parse::<Kind>().is_err());
    }
}
