//! The four tabs of Settings > Social, one file each: every screen owns its
//! state, answers the actions its list gets, and draws itself. `app.rs`
//! routes to the current one.

pub mod accounts;
pub mod activity;
pub mod notifications;
pub mod publishing;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::action::Action;
use super::app::{App, Effect, MainTab};

/// A newest-first or id-ordered list paged by keyset.
#[derive(Clone, Debug)]
pub struct Paged<T, C> {
    pub rows: Vec<T>,
    pub selected: usize,
    /// The cursors of the pages before this one (to page back).
    pub back: Vec<Option<C>>,
    /// This page's cursor.
    pub cursor: Option<C>,
}

impl<T, C> Default for Paged<T, C> {
    fn default() -> Self {
        Paged {
            rows: Vec::new(),
            selected: 0,
            back: Vec::new(),
            cursor: None,
        }
    }
}

/// Moves in a paged list; past its ends, loads the next or previous page.
pub fn paged_action<T, C: Clone>(
    list: &mut Paged<T, C>,
    action: Action,
    cursor_of: impl Fn(&T) -> C,
) -> Vec<Effect> {
    let len = list.rows.len();
    match action {
        Action::Up if list.selected > 0 => list.selected -= 1,
        Action::Down if list.selected + 1 < len => list.selected += 1,
        Action::Top => {
            *list = Paged::default();
            return vec![Effect::Reload];
        }
        Action::Bottom => list.selected = len.saturating_sub(1),
        Action::Down | Action::PageDown if len > 0 => {
            let last = cursor_of(&list.rows[len - 1]);
            list.back.push(list.cursor.take());
            list.cursor = Some(last);
            list.selected = 0;
            return vec![Effect::Reload];
        }
        Action::Up | Action::PageUp if !list.back.is_empty() => {
            list.cursor = list.back.pop().flatten();
            list.selected = 0;
            return vec![Effect::Reload];
        }
        _ => {}
    }
    vec![]
}

/// The actions of the list of the current tab.
pub fn list_action(app: &mut App, action: Action) -> Vec<Effect> {
    match app.tab {
        MainTab::Accounts => accounts::handle(app, action),
        MainTab::Publishing => publishing::handle(app, action),
        MainTab::Notifications => notifications::handle(app, action),
        MainTab::Activity => activity::handle(app, action),
    }
}

/// A muted line where a list has nothing to show.
pub fn empty(frame: &mut Frame<'_>, app: &App, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {text}"), app.theme.muted)),
        Rect::new(area.x, area.y, area.width, 1),
    );
}

/// The rectangle of the `i`-th row of a list.
pub fn row_rect(area: Rect, i: usize) -> Rect {
    Rect::new(area.x, area.y + i as u16, area.width, 1)
}
