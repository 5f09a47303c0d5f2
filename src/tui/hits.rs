//! Where things were drawn in the last frame, for mouse hit-testing. Screens
//! and dialogs write their parts while drawing; `update` reads them.

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::place::MainTab;
use crate::lifecycle::AccountId;
use crate::lifecycle::post::Tab as PostTab;

/// Rectangles from the last frame.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    pub rows: Vec<(Rect, AccountId)>,
    pub row_actions: Vec<(Rect, AccountId, Action)>,
    pub tabs: Vec<(Rect, MainTab)>,
    pub post_tabs: Vec<(Rect, PostTab)>,
    pub sidebar: Vec<(Rect, usize)>,
    pub connect_button: Option<Rect>,
    pub list_area: Rect,
    pub list_rows: Vec<(Rect, usize)>,
    pub buttons: Vec<(Rect, usize)>,
    pub picker_items: Vec<(Rect, usize)>,
    /// How many account rows the list showed.
    pub visible_accounts: usize,
    /// How many rows a list can show.
    pub list_capacity: usize,
    /// The terminal is under the minimum size: only the size notice shows.
    pub too_small: bool,
}

/// What is at this cell, if anything.
pub fn find<T: Copy>(areas: &[(Rect, T)], column: u16, row: u16) -> Option<T> {
    areas
        .iter()
        .find(|(rect, _)| rect.contains(Position::new(column, row)))
        .map(|(_, v)| *v)
}
