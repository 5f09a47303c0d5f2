//! Terminal events into messages, through the keymap: keys while typing
//! go to the field, a tour's step keys are the tour's whatever has focus,
//! and under the minimum size only quit, help and resize act.

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use tui_input::backend::crossterm::to_input_request;

use super::action::Action;
use super::keymap::{Context, Key};
use super::message::Msg;
use super::state::{App, Layer};

impl App {
    /// Whether keys go to a text field now.
    pub fn typing(&self) -> bool {
        match &self.overlay {
            Some(dialog) => dialog.component().typing(),
            None => self.filter_input.is_some() && !self.help,
        }
    }

    /// Turns a terminal event into a message, through the keymap.
    pub fn translate(&self, event: &Event) -> Option<Msg> {
        let msg = self.translate_any(event)?;
        // Under the minimum size nothing of the UI is on screen, so nothing
        // of it may act: only quitting, help and resizing (issue 7).
        if self.hits.too_small {
            return match msg {
                Msg::Act(Action::Quit | Action::Help | Action::Cancel) => Some(msg),
                // The help scrolls at any size.
                Msg::Act(Action::Up | Action::Down | Action::PageUp | Action::PageDown)
                    if self.help =>
                {
                    Some(msg)
                }
                _ => None,
            };
        }
        Some(msg)
    }

    fn translate_any(&self, event: &Event) -> Option<Msg> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let k = Key::from_event(key);
                // While a tour runs, its step keys are the tour's whatever
                // has focus: a step that opens a dialog with a field must
                // not swallow the key that goes on (issue 18, item 1).
                if self.tour.is_some() {
                    let step = self
                        .keymap
                        .action(Context::Dialog, k)
                        .filter(|a| matches!(a, Action::TourNext | Action::TourBack));
                    if let Some(action) = step {
                        return Some(Msg::Act(action));
                    }
                }
                if self.typing() {
                    if k.ctrl && k.code == KeyCode::Char('c') {
                        return Some(Msg::Act(Action::Quit));
                    }
                    let action = match key.code {
                        KeyCode::Esc => Some(Action::Cancel),
                        KeyCode::Enter => Some(Action::Confirm),
                        KeyCode::Tab => Some(Action::NextFocus),
                        KeyCode::BackTab => Some(Action::PrevFocus),
                        KeyCode::Up => Some(Action::Up),
                        KeyCode::Down => Some(Action::Down),
                        _ => None,
                    };
                    return action
                        .map(Msg::Act)
                        .or_else(|| to_input_request(event).map(Msg::Text));
                }
                let context = match self.layer() {
                    Layer::Main => Context::Main,
                    _ => Context::Dialog,
                };
                self.tour
                    .is_some()
                    .then(|| self.keymap.action(Context::Tour, k))
                    .flatten()
                    .or_else(|| {
                        self.tab_context()
                            .and_then(|tab| self.keymap.action(tab, k))
                    })
                    .or_else(|| self.keymap.action(context, k))
                    .map(Msg::Act)
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Moved => Some(Msg::MouseMoved {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Clicked {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Msg::Wheel {
                    down: mouse.kind == MouseEventKind::ScrollDown,
                    column: mouse.column,
                    row: mouse.row,
                }),
                _ => None,
            },
            _ => None,
        }
    }
}
