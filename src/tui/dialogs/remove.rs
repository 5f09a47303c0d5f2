//! Remove (R13): type the handle to confirm; the button stays disabled until
//! it matches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::Input;

use super::kit::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::present::escape_control;
use crate::store::actions::HANDLE_MAX;
use crate::store::previews::RemovePreview;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, Seen};
use crate::tui::hits::Hits;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoveFocus {
    Field,
    Remove,
    Cancel,
}

const ORDER: [RemoveFocus; 3] = [RemoveFocus::Field, RemoveFocus::Remove, RemoveFocus::Cancel];

#[derive(Clone, Debug)]
pub struct Remove {
    pub preview: RemovePreview,
    pub input: Input,
    pub focus: RemoveFocus,
}

impl Remove {
    /// Focus starts in the field: nothing is removed until the handle is typed.
    pub fn new(preview: RemovePreview) -> Remove {
        Remove {
            preview,
            input: Input::default(),
            focus: RemoveFocus::Field,
        }
    }

    fn confirmed(&self) -> bool {
        self.preview
            .account
            .account
            .check_removal_confirmation(self.input.value())
            .is_ok()
    }

    fn step(&mut self, by: usize) {
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at + by) % ORDER.len()];
    }
}

impl Component for Remove {
    fn buttons(&self) -> Vec<Button> {
        vec![
            (crate::tr!("button-remove-account"), self.confirmed()),
            (crate::tr!("button-cancel"), true),
        ]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::*;
        match action {
            NextFocus | Right | Down => self.step(1),
            PrevFocus | Left | Up => self.step(2),
            Confirm => return self.press(),
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            RemoveFocus::Remove
        } else {
            RemoveFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            RemoveFocus::Remove if self.confirmed() => Outcome::close(vec![Effect::Remove(
                Seen::of(&self.preview.account),
                self.input.value().to_string(),
            )]),
            // A disabled button does nothing; Enter in the field neither.
            RemoveFocus::Remove | RemoveFocus::Field => Outcome::stay(),
            RemoveFocus::Cancel => Outcome::close(vec![]),
        }
    }

    fn typing(&self) -> bool {
        self.focus == RemoveFocus::Field
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        (self.focus == RemoveFocus::Field).then_some((&mut self.input, HANDLE_MAX))
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let a = &self.preview.account.account;
        let lines = vec![
            Line::from(crate::tr!(
                "remove-question",
                network = a.network.label(),
                handle = escape_control(&a.handle),
                count = self.preview.posts
            )),
            Line::from(""),
            Line::from(vec![
                Span::raw(crate::tr!("remove-type-handle")),
                Span::styled(escape_control(&a.handle).into_owned(), theme.accent),
                Span::raw(crate::tr!("remove-to-confirm")),
            ]),
        ];
        let focused = match self.focus {
            RemoveFocus::Field => None,
            RemoveFocus::Remove => Some(0),
            RemoveFocus::Cancel => Some(1),
        };
        let field = frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("button-remove-account"),
                lines,
                extra_height: 2,
                buttons: &self.buttons(),
                focused,
                danger: true,
            },
            hits,
        );
        draw_field(
            frame,
            scene.theme,
            Rect::new(field.x, field.y, field.width, 1),
            " ",
            &self.input,
            self.focus == RemoveFocus::Field,
        );
    }
}
