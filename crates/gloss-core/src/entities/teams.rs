//! Sports teams: a name in the slot of a score line (`Leicester 2 Derby 1`), a standings row
//! (`Derby 4 3 1 0 9 3 10`), a fixture (`DERBY AT LEICESTER`) or a result told in prose
//! (`Derby beat Leicester 2-1`) is a team, an organisation, even when it is a city's name; and so
//! is that name wherever else the article uses it. Countries stay places, as news treats them.

use std::sync::Arc;

use super::consistency::{Carried, Carry};
use super::tokens::{Joint, Token};
use super::{Kind, Mention, MentionSource};
use crate::text::Span;

/// A piece of a line as the patterns read it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item<'t> {
    /// Capitalised words and known names joined by spaces: a slot a team may fill.
    Name(Span),
    Number,
    Word(&'t str),
}

/// Whether `word` tells a result between two teams in prose (`beat`, `v`).
fn is_result_verb(word: &str) -> bool {
    matches!(word, "beat" | "beats" | "defeated" | "thrashed" | "routed" | "edged" | "crushed" | "v" | "vs" | "versus")
}

/// Nouns that show a sentence reports a game.
const GAME_WORDS: &[&str] = &["innings", "goal", "goals", "runs", "wickets", "halftime", "half-time", "points"];

/// The teams of the article: every slot that the patterns fill, unless a person or a country
/// fills it, becomes an organisation; returns the team names to carry through the article.
pub(super) fn teams<'t>(
    text: &'t str,
    tokens: &[Token],
    cues: &[usize],
    is_country: &dyn Fn(&Mention) -> bool,
    mentions: &mut Vec<Mention>,
) -> Carry<'t> {
    let mut slots: Vec<Span> = Vec::new();
    let mut read_to = 0;
    for &cue in cues {
        if cue < read_to {
            continue;
        }
        let (first, last) = line_around(text, tokens, cue);
        read_to = last;
        let line = &tokens[first..last];
        if may_report_results(text, line) {
            let items = items(text, line, mentions);
            slots.extend(team_slots(&text[line[0].span.start..line[line.len() - 1].span.end], &items));
        }
    }
    let mut carried = Carry::default();
    for slot in slots {
        let name = &text[slot.clone()];
        if !holds_a_team(name, &slot, is_country, mentions) {
            continue;
        }
        let canonical: Arc<str> = name.split_whitespace().collect::<Vec<_>>().join(" ").into();
        mentions.retain(|m| !(slot.start <= m.span.start && m.span.end <= slot.end));
        let mention =
            Mention { span: slot, kind: Kind::Org, canonical: canonical.clone(), source: MentionSource::Guess };
        super::consistency::add_free(mentions, vec![mention]);
        carried.entry(name).or_insert(Carried {
            kind: Kind::Org,
            canonical,
            source: MentionSource::Guess,
            ordinary: false,
            given_name: false,
        });
    }
    carried
}

/// Whether word `i` is a cue that its line may report a result: a word of fixtures or results,
/// or a number right after a name. The detector asks this of every word, so it reads bytes.
pub(super) fn result_cue(text: &str, tokens: &[Token], i: usize) -> bool {
    let bytes = &text.as_bytes()[tokens[i].span.clone()];
    let number_after_name = bytes[0].is_ascii_digit() && i > 0 && tokens[i - 1].name_like;
    number_after_name || is_result_word(bytes)
}

/// The words of the line that holds word `i`, as the range `first..last`.
fn line_around(text: &str, tokens: &[Token], i: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let breaks = |a: &Token, b: &Token| bytes[a.span.end..b.span.start].contains(&b'\n');
    let mut first = i;
    while first > 0 && !breaks(&tokens[first - 1], &tokens[first]) {
        first -= 1;
    }
    let mut last = i + 1;
    while last < tokens.len() && !breaks(&tokens[last - 1], &tokens[last]) {
        last += 1;
    }
    (first, last)
}

/// Whether a line may hold a result, before reading it closely: a name then a number at its
/// start, or a word of fixtures or results. Read as bytes: it runs over every word.
fn may_report_results(text: &str, line: &[Token]) -> bool {
    let bytes = text.as_bytes();
    let number = |t: &Token| bytes[t.span.clone()].iter().all(u8::is_ascii_digit);
    let leading_names = line.iter().take_while(|t| t.name_like).count();
    let name_then_number = leading_names > 0 && line.get(leading_names).is_some_and(number);
    // `at` alone is too common to read a line for; a fixture line is three words.
    let fixture = line.len() == 3 && &bytes[line[1].span.clone()] == b"at";
    name_then_number || fixture || line.iter().any(|t| is_result_word(&bytes[t.span.clone()]))
}

/// `AT`, `v`, `beat`, `drew`, `lost`...: the words of fixtures and results (but the common `at`),
/// as bytes. Most words
/// are ruled out by their length and first letter before any is compared.
fn is_result_word(word: &[u8]) -> bool {
    let is = |expected: &[u8]| word.iter().zip(expected).all(|(a, b)| a == b);
    match (word.len(), word.first()) {
        (1, Some(b'v' | b'V')) => true,
        (2, Some(b'A' | b'V' | b'v')) => is(b"AT") || is(b"VS") || is(b"vs"),
        (4, Some(b'b' | b'd' | b'l')) => is(b"beat") || is(b"drew") || is(b"lost"),
        (5, Some(b'b' | b'e')) => is(b"beats") || is(b"edged"),
        (6, Some(b'r' | b'v')) => is(b"routed") || is(b"versus"),
        (7, Some(b'c')) => is(b"crushed"),
        (8, Some(b'd' | b't')) => is(b"defeated") || is(b"thrashed"),
        _ => false,
    }
}

/// Whether the slot `name` at `slot` holds a team: not a person, a country or a place of nature
/// (`Strait of Hormuz`), a route between two places (`Lyon-Marseille`) or a name with figures.
fn holds_a_team(name: &str, slot: &Span, is_country: &dyn Fn(&Mention) -> bool, mentions: &[Mention]) -> bool {
    let inside: Vec<&Mention> =
        mentions.iter().filter(|m| slot.start <= m.span.start && m.span.end <= slot.end).collect();
    let route = inside.len() >= 2 && name.contains('-');
    let digits = name.contains(|c: char| c.is_ascii_digit());
    !(route || digits || inside.iter().any(|m| matches!(m.kind, Kind::Person | Kind::Loc) || is_country(m)))
}

/// A line's tokens as items; a name in brackets (`(Italy)`) is left out, as it qualifies the
/// name before it.
fn items<'t>(text: &'t str, tokens: &[Token], mentions: &[Mention]) -> Vec<Item<'t>> {
    let mut out: Vec<Item<'t>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let at = mentions.partition_point(|m| m.span.end <= token.span.start);
        let mention = mentions.get(at).filter(|m| m.span.start <= token.span.start);
        let span = mention.map_or(token.span.clone(), |m| m.span.clone());
        i += tokens[i..].iter().take_while(|t| t.span.end <= span.end).count().max(1);
        let word = &text[token.span.clone()];
        let bracketed = text[..span.start].ends_with('(') && text[span.end..].starts_with(')');
        if bracketed {
            continue;
        }
        let fixture_word = matches!(word, "AT" | "V" | "VS");
        if (mention.is_some() || token.name_like) && !fixture_word {
            let joins = token.joint == Joint::Space || token.joint == Joint::Hyphen;
            if let (true, Some(Item::Name(previous))) = (joins, out.last_mut()) {
                previous.end = span.end;
            } else {
                out.push(Item::Name(span));
            }
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            out.push(Item::Number);
        } else {
            out.push(Item::Word(word));
        }
    }
    out
}

/// The slots of a line that hold teams: a score line (`Name 2 Name 1`), a standings row (`Name`
/// and three numbers or more, nothing else), a fixture (`Name AT Name`), or a result in prose
/// (`Name beat Name`) in a line that reports a game.
fn team_slots(line: &str, items: &[Item<'_>]) -> Vec<Span> {
    use Item::{Name, Number, Word};
    match items {
        [Name(a), Number, Name(b), Number, rest @ ..] if !rest.iter().any(|i| matches!(i, Name(_))) => {
            vec![a.clone(), b.clone()]
        }
        [Name(a), rest @ ..] if rest.len() >= 3 && rest.iter().all(|i| *i == Number) && !figures(line) => {
            vec![a.clone()]
        }
        [Name(a), Word(w), Name(b)] if matches!(*w, "AT" | "at" | "V" | "v" | "VS" | "vs") => {
            vec![a.clone(), b.clone()]
        }
        _ => results_in_prose(line, items),
    }
}

/// `Derby beat Leicester`, `Derby drew with Leicester`, `Derby lost to Leicester`, in a line
/// with a score (`2-1`) or a word of the game (`goals`, `innings`).
fn results_in_prose(line: &str, items: &[Item<'_>]) -> Vec<Span> {
    let game = items.iter().any(|i| matches!(i, Item::Word(w) if GAME_WORDS.contains(w)));
    if !game && !has_score(line) {
        return Vec::new();
    }
    let mut out: Vec<Span> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Item::Name(a) = item else { continue };
        let target = match &items[i + 1..] {
            [Item::Word(v), Item::Name(b), ..] if is_result_verb(v) => b,
            [Item::Word("drew"), Item::Word("with"), Item::Name(b), ..]
            | [Item::Word("lost"), Item::Word("to"), Item::Name(b), ..] => b,
            _ => continue,
        };
        out.extend([a.clone(), target.clone()]);
    }
    out.sort_by_key(|s| s.start);
    out.dedup();
    out
}

/// Whether a row of figures is about money, shares or change (`$1,100`, `-15%`), not games.
fn figures(line: &str) -> bool {
    let thousands = line.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit());
    thousands || line.contains(['$', '%', '€', '£', '¥', '+'])
}

/// Whether `line` holds a score: digits, a hyphen, digits (`2-1`, `15-10`).
fn has_score(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'-' && w[2].is_ascii_digit())
}

/// Gives the team's kind to every other mention of a team's name that made it a place.
pub(super) fn retype_places(
    text: &str,
    teams: &Carry<'_>,
    is_country: &dyn Fn(&Mention) -> bool,
    mentions: &mut [Mention],
) {
    if teams.is_empty() {
        return;
    }
    for mention in mentions.iter_mut().filter(|m| matches!(m.kind, Kind::Gpe | Kind::Loc)) {
        if let Some(team) = teams.get(&text[mention.span.clone()]).filter(|_| !is_country(mention)) {
            mention.kind = team.kind;
            mention.canonical = team.canonical.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use crate::entities::{Kind, Recognizer};
    use crate::text::{paragraphs, sentences};

    static BUILT_IN: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::built_in().unwrap());

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let sentences = sentences(text, &paragraphs(text));
        BUILT_IN.recognize_text(text, &sentences, None).into_iter().map(|m| (text[m.span].to_owned(), m.kind)).collect()
    }

    #[test]
    fn cities_in_score_lines_standings_and_fixtures_are_teams() {
        let text = "Results\n\nLyon 2 Marseille 1\nBrazil 2 Peru 0\nNantes 4 3 1 0 9 3 10\nLILLE AT RENNES\n";
        let found = kinds(text);
        let org = |name: &str| found.contains(&(name.to_owned(), Kind::Org));
        assert!(["Lyon", "Marseille", "Nantes", "LILLE", "RENNES"].into_iter().all(org), "{found:?}");
        assert!(found.contains(&("Brazil".to_owned(), Kind::Gpe)), "countries stay places: {found:?}");
    }

    #[test]
    fn a_result_in_prose_makes_teams_and_the_team_holds_through_the_article() {
        let found = kinds("Marseille beat Nantes 3-1 on Sunday. Marseille now lead the table.");
        let marseille: Vec<Kind> = found.iter().filter(|(t, _)| t == "Marseille").map(|(_, k)| *k).collect();
        assert_eq!(marseille, [Kind::Org, Kind::Org], "{found:?}");
    }

    #[test]
    fn tables_of_money_and_routes_are_no_results() {
        let found = kinds("Costs\n\nLyon 1,200 3% 5 7\nLyon-Marseille 32 42 12\n");
        assert!(found.iter().all(|(_, k)| *k != Kind::Org), "{found:?}");
    }
}
