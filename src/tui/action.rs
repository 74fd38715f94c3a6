//! The actions keys can be bound to: names derived from the enum, and each action's contexts and
//! descriptions in one table.

use crate::keymap::{Bindable, Context};

/// Something the user can ask for with a key. Names in keymap files are `snake_case`
/// (`move_down`, `tag_1`); what each does, per context, is in [`Action::uses`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Back,
    MoveDown,
    MoveUp,
    MoveTop,
    MoveBottom,
    PageDown,
    PageUp,
    Open,
    Confirm,
    Cancel,
    Select,
    NextWord,
    PrevWord,
    NextEntity,
    PrevEntity,
    ToggleHighlights,
    EntityPanel,
    FilterByEntity,
    AddEntity,
    AddAlias,
    RejectEntity,
    #[strum(serialize = "tag_1")]
    Tag1,
    #[strum(serialize = "tag_2")]
    Tag2,
    #[strum(serialize = "tag_3")]
    Tag3,
    #[strum(serialize = "tag_4")]
    Tag4,
    #[strum(serialize = "tag_5")]
    Tag5,
    #[strum(serialize = "tag_6")]
    Tag6,
    #[strum(serialize = "tag_7")]
    Tag7,
    #[strum(serialize = "tag_8")]
    Tag8,
    #[strum(serialize = "tag_9")]
    Tag9,
    ToggleCheckWorthy,
    SetVerdict,
    NextClaim,
    PrevClaim,
    ClaimsPanel,
    EditClaimNote,
    EditArticleNote,
    DeleteClaim,
    /// Settles a conflict by keeping the value the field holds.
    KeepValue,
    /// Settles a conflict by taking the other value.
    TakeOtherValue,
    Undo,
    Redo,
    CloseEditor,
    DiscardNote,
    Export,
    NextOption,
    PrevOption,
    ClearField,
    FetchFeeds,
    // Search (in the article and across the corpus).
    Search,
    SearchCorpus,
    NextMatch,
    PrevMatch,
    ToggleRegex,
    // Finding and moving around: the list's filters and order, articles in turn, jumps.
    FilterByTitle,
    FilterMenu,
    SortMenu,
    MarkUnread,
    NextArticle,
    PrevArticle,
    JumpBack,
    JumpForward,
    WiderList,
    NarrowerList,
    SwapSelectionEnds,
    // Working as a team: the disagreement view.
    Disagreements,
    NextDisagreement,
    PrevDisagreement,
    Adopt,
    Figures,
}

/// What an action does in one context.
#[derive(Debug, Clone, Copy)]
pub struct Use {
    pub context: Context,
    pub about: &'static str,
}

/// `Use` literals, short enough for the table below.
macro_rules! on {
    ($context:ident, $about:literal) => {
        Use { context: Context::$context, about: $about }
    };
}

/// An action's uses: `uses!(Context: "what it does", ...)`.
macro_rules! uses {
    ($($context:ident: $about:literal),+ $(,)?) => {
        &[$(on!($context, $about)),+]
    };
}

impl Action {
    /// Every action.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// Where the action can be bound, and what it does there (for help and key hints).
    pub fn uses(self) -> &'static [Use] {
        match self {
            Self::Quit => uses!(Global: "Quit gloss"),
            Self::Help => uses!(Global: "Show or hide this help"),
            Self::FocusNext => uses!(Global: "Focus the next pane"),
            Self::FocusPrev => uses!(Global: "Focus the previous pane"),
            Self::Back => uses!(Global: "Close the popup; clear the selection or filter; back to the list"),
            Self::MoveDown => uses!(List: "Select the next article", Reader: "Next sentence", Help: "Scroll down",
                Entities: "Next entity", Claims: "Next claim", Picker: "Next choice", Dialog: "Next choice",
                Export: "Next field", CorpusSearch: "Next hit", Compare: "Next analyst"),
            Self::MoveUp => uses!(List: "Select the previous article", Reader: "Previous sentence", Help: "Scroll up",
                Entities: "Previous entity", Claims: "Previous claim", Picker: "Previous choice",
                Dialog: "Previous choice", Export: "Previous field", CorpusSearch: "Previous hit",
                Compare: "Previous analyst"),
            Self::MoveTop => {
                uses!(List: "Select the first article", Reader: "First sentence", Help: "Scroll to the top",
                Entities: "First entity", Claims: "First claim", Picker: "First choice",
                Compare: "First disagreement")
            }
            Self::MoveBottom => {
                uses!(List: "Select the last article", Reader: "Last sentence", Help: "Scroll to the bottom",
                Entities: "Last entity", Claims: "Last claim", Picker: "Last choice",
                Compare: "Last disagreement")
            }
            Self::PageDown => {
                uses!(List: "Page down the list", Reader: "Page down", Help: "Page down", Entities: "Page down",
                CorpusSearch: "Page down the hits")
            }
            Self::PageUp => uses!(List: "Page up the list", Reader: "Page up", Help: "Page up", Entities: "Page up",
                CorpusSearch: "Page up the hits"),
            Self::Open => uses!(List: "Open the selected article in the reader",
                Entities: "Jump to the entity's next mention",
                Claims: "Jump to the claim"),
            Self::Confirm => uses!(Picker: "Choose", Dialog: "Choose", Export: "Write the export",
                Search: "Keep the matches (n and N move between them)",
                CorpusSearch: "Open the article at the hit"),
            Self::Cancel => uses!(Dialog: "Cancel", Export: "Close without exporting",
                Search: "Clear the search and go back to where it started", CorpusSearch: "Close the search"),
            Self::Select => uses!(Reader: "Start a selection here (or drop it); l/h and j/k move its end"),
            Self::NextWord => uses!(Reader: "Next word (or the selection's end a word on)"),
            Self::PrevWord => uses!(Reader: "Previous word (or the selection's end a word back)"),
            Self::NextEntity => uses!(Reader: "Next entity mention"),
            Self::PrevEntity => uses!(Reader: "Previous entity mention"),
            Self::ToggleHighlights => uses!(Reader: "Entity highlighting on or off"),
            Self::EntityPanel => uses!(Reader: "The article's entities, by kind"),
            Self::FilterByEntity => uses!(Entities: "Show only articles that mention it"),
            Self::AddEntity => uses!(Reader: "Add the word(s) under the cursor as an entity"),
            Self::AddAlias => uses!(Reader: "Add the word(s) as another name of a known entity"),
            Self::RejectEntity => uses!(Reader: "Mark the highlighted name wrong, everywhere"),
            Self::Tag1 => uses!(Reader: "Toggle claim tag 1"),
            Self::Tag2 => uses!(Reader: "Toggle claim tag 2"),
            Self::Tag3 => uses!(Reader: "Toggle claim tag 3"),
            Self::Tag4 => uses!(Reader: "Toggle claim tag 4"),
            Self::Tag5 => uses!(Reader: "Toggle claim tag 5"),
            Self::Tag6 => uses!(Reader: "Toggle claim tag 6"),
            Self::Tag7 => uses!(Reader: "Toggle claim tag 7"),
            Self::Tag8 => uses!(Reader: "Toggle claim tag 8"),
            Self::Tag9 => uses!(Reader: "Toggle claim tag 9"),
            Self::ToggleCheckWorthy => uses!(Reader: "Mark the claim check-worthy, or not"),
            Self::SetVerdict => uses!(Reader: "Set the claim's verdict"),
            Self::NextClaim => uses!(Reader: "Next claim"),
            Self::PrevClaim => uses!(Reader: "Previous claim"),
            Self::ClaimsPanel => uses!(Reader: "The article's claims, in text order"),
            Self::EditClaimNote => uses!(Reader: "Write a note on the claim (making one if needed)"),
            Self::EditArticleNote => {
                uses!(Reader: "Write a note on the article", Claims: "Write a note on the article")
            }
            Self::DeleteClaim => {
                uses!(Reader: "Delete the claim (u undoes)", Claims: "Delete the claim (u undoes)")
            }
            Self::KeepValue | Self::TakeOtherValue | Self::Undo | Self::Redo => self.settling_and_history(),
            Self::CloseEditor => uses!(Editor: "Close the note, keeping what is written"),
            Self::DiscardNote => uses!(Editor: "Throw away the changes to this note (asks first)"),
            Self::Export => uses!(List: "Export claims and notes: Markdown briefing, JSON, CSV or W3C",
                Reader: "Export claims and notes: Markdown briefing, JSON, CSV or W3C"),
            Self::NextOption => uses!(Export: "Next format or scope (in the file name: cursor right)"),
            Self::PrevOption => {
                uses!(Export: "Previous format or scope (in the file name: cursor left)")
            }
            Self::ClearField => uses!(Export: "Clear the file name, to type another", Search: "Clear the query",
                CorpusSearch: "Clear the query"),
            Self::FetchFeeds => uses!(Global: "Fetch new items of the feeds you follow, in the background"),
            Self::Search => uses!(Reader: "Search the article: matches light up as you type"),
            Self::SearchCorpus => uses!(List: "Search every article's text, title and notes",
                Reader: "Search every article's text, title and notes"),
            Self::NextMatch => uses!(Reader: "Next match of the search"),
            Self::PrevMatch => uses!(Reader: "Previous match of the search"),
            Self::ToggleRegex => uses!(Search: "Plain text or regular expression",
                CorpusSearch: "Plain text or regular expression"),
            // Finding and moving around.
            // The test of the shipped keymap checks that every action has a use.
            _ => self.finding_and_team_uses(),
        }
    }

    /// The uses of the actions for finding and moving around, and for working as a team; the
    /// keymap test checks that every action has a use, so the empty arm is never reached.
    fn finding_and_team_uses(self) -> &'static [Use] {
        match self {
            // Finding and moving around.
            Self::FilterByTitle => uses!(List: "Show only titles that match what you type (fuzzy; esc clears)"),
            Self::FilterMenu => uses!(List: "Filter by entity, claim tag, check-worthy, verdict, notes, unread"),
            Self::SortMenu => uses!(List: "Sort the list: file order, date, title, claims, last annotated"),
            Self::MarkUnread => uses!(List: "Mark the article unread again", Reader: "Mark the article unread again"),
            Self::NextArticle => uses!(Reader: "The next article of the list"),
            Self::PrevArticle => uses!(Reader: "The previous article of the list"),
            Self::JumpBack => uses!(List: "Back to where you were before the last jump",
                Reader: "Back to where you were before the last jump (an article, a claim, a name, a hit)"),
            Self::JumpForward => uses!(List: "Forward again to where ctrl-o came from",
                Reader: "Forward again to where ctrl-o came from"),
            Self::WiderList => uses!(List: "Widen the list (kept)", Reader: "Widen the list (kept)"),
            Self::NarrowerList => uses!(List: "Narrow the list (kept)", Reader: "Narrow the list (kept)"),
            Self::SwapSelectionEnds => uses!(Reader: "Swap the selection's ends: l h j k then move the other one"),
            // Working as a team.
            Self::Disagreements => uses!(Reader: "Where other analysts tagged this article differently (--compare)"),
            Self::NextDisagreement => uses!(Compare: "Next disagreement (the reader goes to it)"),
            Self::PrevDisagreement => uses!(Compare: "Previous disagreement (the reader goes to it)"),
            Self::Adopt => uses!(Compare: "Make the chosen analyst's tags, flag and verdict yours here (u undoes)"),
            Self::Figures => uses!(Compare: "This article's agreement figures: kappa, alpha, span F1 (again: back)"),
            _ => &[],
        }
    }

    /// Settling conflicts, undo and redo: what changes the store's history without a claim key.
    fn settling_and_history(self) -> &'static [Use] {
        match self {
            Self::KeepValue => uses!(Claims: "Settle the conflict: keep the value the field holds (u undoes)"),
            Self::TakeOtherValue => uses!(Claims: "Settle the conflict: take the other value (u undoes)"),
            Self::Undo => uses!(Global: "Undo the last change to claims, notes or names"),
            Self::Redo => uses!(Global: "Redo what was undone"),
            _ => &[],
        }
    }

    /// The claim-tag slot (1-9) of a `tag_N` action.
    pub fn tag_slot(self) -> Option<usize> {
        self.name().strip_prefix("tag_")?.parse().ok()
    }

    /// What this action does in `context`, for help.
    pub fn about(self, context: Context) -> &'static str {
        let uses = self.uses();
        uses.iter().find(|u| u.context == context).or(uses.first()).map_or("", |u| u.about)
    }
}

impl Bindable for Action {
    fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    fn name(self) -> &'static str {
        self.into()
    }

    fn contexts(self) -> Vec<Context> {
        self.uses().iter().map(|u| u.context).collect()
    }
}
