//! Colours and text styles: the terminal's own colours plus accents that read on dark and light.

use ratatui::style::{Color, Modifier, Style};

use gloss_core::annotations::{Colour, NamedColour};
use gloss_core::entities::Kind;

/// Whether the terminal background is dark or light; picks accent shades that read on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

/// How gloss draws: with colour or without (`NO_COLOR`), on a dark or light background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub background: Background,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (to anything non-empty); background from `GLOSS_THEME`
    /// (`dark` or `light`), else from `COLORFGBG` when the terminal sets it, else dark.
    pub fn from_environment() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let background = match var("GLOSS_THEME").as_deref() {
            Some("light") => Background::Light,
            Some("dark") => Background::Dark,
            _ => var("COLORFGBG").as_deref().map_or(Background::Dark, background_from_colorfgbg),
        };
        Self { color: var("NO_COLOR").is_none(), background }
    }

    pub const fn plain() -> Self {
        Self { color: false, background: Background::Dark }
    }

    fn fg(self, dark: Color, light: Color) -> Style {
        if !self.color {
            return Style::new();
        }
        Style::new().fg(match self.background {
            Background::Dark => dark,
            Background::Light => light,
        })
    }

    fn bg(self, dark: u8, light: u8) -> Style {
        if !self.color {
            return Style::new();
        }
        Style::new().bg(Color::Indexed(match self.background {
            Background::Dark => dark,
            Background::Light => light,
        }))
    }

    /// The accent for focus and headings.
    pub fn accent(self) -> Style {
        self.fg(Color::LightCyan, Color::Blue)
    }

    /// The border and title of the focused pane; bold so it shows without colour too.
    pub fn focused_border(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }

    pub fn unfocused_border(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Secondary text: metadata, hints.
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The selected row of a list in the focused pane.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row of a list in a pane without focus.
    pub fn selected_unfocused(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The sentence under the reader's cursor: a grey background, or underline without colour.
    /// Claims (a yellow tint, italic without colour) and the selection (blue, reversed) differ
    /// from it and from each other on dark and light backgrounds alike.
    pub fn cursor_sentence(self) -> Style {
        if self.color { self.bg(238, 252) } else { Style::new().add_modifier(Modifier::UNDERLINED) }
    }

    /// A gap where the source removed words (`**`).
    pub fn gap(self) -> Style {
        self.fg(Color::DarkGray, Color::Gray).add_modifier(Modifier::DIM)
    }

    /// The article's headline inside the text.
    pub fn headline(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The line with the article's source and date.
    pub fn dateline(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Titles gloss made from the first sentence, not the article's own.
    pub fn derived_title(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    pub fn error(self) -> Style {
        self.fg(Color::LightRed, Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }

    /// A name of `kind`: its own colour, bold when the gazetteer (built-in or the user's)
    /// knows it, plain when guessed. Without colour: underlined, with a tag after it.
    pub fn entity(self, kind: Kind, confirmed: bool) -> Style {
        if !self.color {
            let style = Style::new().add_modifier(Modifier::UNDERLINED);
            return if confirmed { style.add_modifier(Modifier::BOLD) } else { style };
        }
        let (dark, light) = match kind {
            Kind::Person => (Color::LightMagenta, Color::Magenta),
            Kind::Gpe => (Color::LightCyan, Color::Indexed(30)),
            Kind::Org => (Color::LightYellow, Color::Indexed(130)),
            Kind::Loc => (Color::LightGreen, Color::Indexed(28)),
            Kind::Norp => (Color::LightRed, Color::Red),
            Kind::Event => (Color::LightBlue, Color::Blue),
        };
        let style = self.fg(dark, light);
        if confirmed { style.add_modifier(Modifier::BOLD) } else { style.add_modifier(Modifier::ITALIC) }
    }

    /// The article's note at the top of the reader.
    pub fn note(self) -> Style {
        self.fg(Color::LightYellow, Color::Indexed(94)).add_modifier(Modifier::ITALIC)
    }

    /// The `[GPE]` tag after a name when colour is off.
    pub fn entity_tag(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The word or name the cursor is on.
    pub fn focus(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A claim's text: a highlighter's tint (its gutter bar says which tag), italic without
    /// colour.
    pub fn claim(self) -> Style {
        if self.color { self.bg(58, 229) } else { Style::new().add_modifier(Modifier::ITALIC) }
    }

    /// A claim's text in the cursor's sentence: a stronger tint, so both show.
    pub fn claim_at_cursor(self) -> Style {
        if self.color { self.bg(100, 186) } else { Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED) }
    }

    /// A claim tag's colour, as the vocabulary gives it.
    pub fn tag(self, colour: Colour) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        Style::new().fg(match colour {
            Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
            Colour::Named(named) => named_colour(named),
        })
    }

    /// Selected text.
    pub fn selection(self) -> Style {
        if self.color { self.bg(25, 153) } else { Style::new().add_modifier(Modifier::REVERSED) }
    }

    /// A match of the search in the reader: black on yellow, as most programs show them;
    /// reversed without colour.
    pub fn search_match(self) -> Style {
        if self.color { self.bg(220, 228).fg(Color::Black) } else { Style::new().add_modifier(Modifier::REVERSED) }
    }

    /// The match the cursor is on: black on orange and bold, over the focus's reverse video;
    /// without colour, reversed, bold and underlined.
    pub fn current_match(self) -> Style {
        if self.color {
            self.bg(208, 214).fg(Color::Black).add_modifier(Modifier::BOLD).remove_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The query's text in a search hit listed.
    pub fn hit(self) -> Style {
        self.search_match().add_modifier(Modifier::BOLD)
    }
}

fn named_colour(named: NamedColour) -> Color {
    match named {
        NamedColour::Black => Color::Black,
        NamedColour::Red => Color::Red,
        NamedColour::Green => Color::Green,
        NamedColour::Yellow => Color::Yellow,
        NamedColour::Blue => Color::Blue,
        NamedColour::Magenta => Color::Magenta,
        NamedColour::Cyan => Color::Cyan,
        NamedColour::Gray => Color::Gray,
        NamedColour::DarkGray => Color::DarkGray,
        NamedColour::LightRed => Color::LightRed,
        NamedColour::LightGreen => Color::LightGreen,
        NamedColour::LightYellow => Color::LightYellow,
        NamedColour::LightBlue => Color::LightBlue,
        NamedColour::LightMagenta => Color::LightMagenta,
        NamedColour::LightCyan => Color::LightCyan,
        NamedColour::White => Color::White,
    }
}

fn background_from_colorfgbg(value: &str) -> Background {
    // "15;0" is light text on black; the last field is the background colour index.
    match value.rsplit(';').next().and_then(|bg| bg.parse::<u8>().ok()) {
        Some(7 | 9..=15) => Background::Light,
        _ => Background::Dark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_background() {
        assert_eq!(background_from_colorfgbg("15;0"), Background::Dark);
        assert_eq!(background_from_colorfgbg("0;15"), Background::Light);
        assert_eq!(background_from_colorfgbg("0;default;7"), Background::Light);
        assert_eq!(background_from_colorfgbg("junk"), Background::Dark);
    }

    #[test]
    fn every_kind_has_its_own_colour_and_guesses_are_softer() {
        let theme = Theme { color: true, background: Background::Dark };
        let colours: std::collections::HashSet<_> = Kind::ALL.iter().map(|&k| theme.entity(k, true).fg).collect();
        assert_eq!(colours.len(), Kind::ALL.len());
        assert!(theme.entity(Kind::Gpe, true).add_modifier.contains(Modifier::BOLD));
        assert!(!theme.entity(Kind::Gpe, false).add_modifier.contains(Modifier::BOLD));
        let light = Theme { color: true, background: Background::Light };
        assert_ne!(light.entity(Kind::Org, true).fg, theme.entity(Kind::Org, true).fg);
    }

    #[test]
    fn no_color_uses_modifiers_only() {
        let theme = Theme::plain();
        assert_eq!(theme.accent().fg, None);
        assert!(theme.cursor_sentence().add_modifier.contains(Modifier::UNDERLINED));
        assert!(theme.focused_border().add_modifier.contains(Modifier::BOLD));
    }
}
