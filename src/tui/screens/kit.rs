//! What every screen is built from: a list paged by keyset, the context it
//! reads, the reply it gives to a key, and small drawing helpers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::store::previews::Standing;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::Zone;
use crate::tui::theme::Theme;

pub use crate::store::rows::Seek;

/// Which row a page selects once it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Land {
    /// The one selected before, or the nearest (a refresh).
    #[default]
    Keep,
    First,
    Last,
}

/// A list paged by keyset in both directions: its page is anchored at the
/// start, after or before a row, or at the end, so `g` and `G` reach the
/// real first and last rows and paging back from the end works (issue 18,
/// item 2).
#[derive(Clone, Debug)]
pub struct Paged<T, C> {
    pub rows: Vec<T>,
    pub selected: usize,
    /// Where this page is anchored.
    pub seek: Seek<C>,
    /// Where the selection goes when the next load comes in.
    pub land: Land,
}

impl<T, C> Default for Paged<T, C> {
    fn default() -> Self {
        Paged {
            rows: Vec::new(),
            selected: 0,
            seek: Seek::Start,
            land: Land::First,
        }
    }
}

impl<T, C: Copy> Paged<T, C> {
    /// Takes a loaded page. A page past either end comes back empty: then
    /// the list is at that end, and shows its last (or first) rows instead
    /// of nothing. Returns whether it must load again for that.
    pub fn take(&mut self, rows: Vec<T>) -> bool {
        if rows.is_empty() {
            match self.seek {
                Seek::After(_) => {
                    self.seek = Seek::End;
                    self.land = Land::Last;
                    return true;
                }
                Seek::Before(_) => {
                    self.seek = Seek::Start;
                    self.land = Land::First;
                    return true;
                }
                Seek::Start | Seek::End => {}
            }
        }
        self.rows = rows;
        let last = self.rows.len().saturating_sub(1);
        self.selected = match self.land {
            Land::First => 0,
            Land::Last => last,
            Land::Keep => self.selected.min(last),
        };
        self.land = Land::Keep;
        false
    }
}

/// Moves in a paged list; past its ends, loads the next or previous page.
pub fn paged_action<T, C: Copy>(
    list: &mut Paged<T, C>,
    action: Action,
    cursor_of: impl Fn(&T) -> C,
) -> Vec<Effect> {
    let len = list.rows.len();
    let reload = |list: &mut Paged<T, C>, seek: Seek<C>, land: Land| {
        list.seek = seek;
        list.land = land;
        vec![Effect::Reload]
    };
    match action {
        Action::Up if list.selected > 0 => list.selected -= 1,
        Action::Down if list.selected + 1 < len => list.selected += 1,
        Action::Top => return reload(list, Seek::Start, Land::First),
        Action::Bottom => return reload(list, Seek::End, Land::Last),
        Action::Down | Action::PageDown if len > 0 => {
            let last = cursor_of(&list.rows[len - 1]);
            return reload(list, Seek::After(last), Land::First);
        }
        Action::Up | Action::PageUp if len > 0 && !matches!(list.seek, Seek::Start) => {
            let first = cursor_of(&list.rows[0]);
            return reload(list, Seek::Before(first), Land::Last);
        }
        _ => {}
    }
    vec![]
}

/// What a screen reads besides its own pane (atuin's `EvalContext`): the
/// theme, the session it is drawn for and the zone instants show in.
pub struct Context<'a> {
    pub theme: &'a Theme,
    pub session: &'a Standing,
    pub zone: Zone,
}

/// A screen's answer to a key: effects to run, and a toast to show.
#[derive(Debug, Default)]
pub struct Reply {
    pub effects: Vec<Effect>,
    pub toast: Option<String>,
}

impl Reply {
    /// Nothing to run; a toast says why.
    pub fn say(text: String) -> Reply {
        Reply {
            effects: Vec::new(),
            toast: Some(text),
        }
    }
}

impl From<Vec<Effect>> for Reply {
    fn from(effects: Vec<Effect>) -> Reply {
        Reply {
            effects,
            toast: None,
        }
    }
}

/// A muted line where a list has nothing to show.
pub fn empty(frame: &mut Frame<'_>, theme: &Theme, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {text}"), theme.muted)),
        Rect::new(area.x, area.y, area.width, 1),
    );
}

/// The rectangle of the `i`-th row of a list.
pub fn row_rect(area: Rect, i: usize) -> Rect {
    Rect::new(area.x, area.y + i as u16, area.width, 1)
}
