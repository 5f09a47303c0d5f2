//! A yes-or-no question before something with lasting effects that is not
//! an account action (starting a demo clock on a real portal).

use ratatui::Frame;
use ratatui::text::Line;

use super::{Button, Choice, Component, Content, Outcome, Scene, choice_action, frame_dialog};
use crate::tui::action::Action;
use crate::tui::app::{Effect, Hits};

#[derive(Clone, Debug)]
pub struct Confirm {
    pub title: &'static str,
    pub message: Vec<String>,
    /// The button that goes ahead.
    pub act: &'static str,
    /// What going ahead does.
    pub then: Vec<Effect>,
    pub focus: Choice,
}

impl Confirm {
    /// Focus starts on Cancel.
    pub fn new(
        title: &'static str,
        message: Vec<String>,
        act: &'static str,
        then: Vec<Effect>,
    ) -> Confirm {
        Confirm {
            title,
            message,
            act,
            then,
            focus: Choice::Cancel,
        }
    }
}

impl Component for Confirm {
    fn buttons(&self) -> Vec<Button> {
        vec![(self.act, true), ("Cancel", true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        choice_action(&mut self.focus, action).unwrap_or_else(|| self.press())
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = Choice::from_button(button);
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            Choice::Act => Outcome::close(self.then.clone()),
            Choice::Cancel => Outcome::close(vec![]),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let lines = self.message.iter().map(|l| Line::from(l.clone())).collect();
        frame_dialog(
            frame,
            scene.app,
            Content {
                title: self.title,
                lines,
                extra_height: 1,
                buttons: &self.buttons(),
                focused: Some(self.focus.button()),
                danger: false,
            },
            hits,
        );
    }
}
