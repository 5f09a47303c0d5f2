//! A yes-or-no question before something with lasting effects that is not
//! an account action (starting a demo clock on a real portal).

use ratatui::Frame;
use ratatui::text::Line;

use super::kit::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct Confirm {
    pub title: String,
    pub message: Vec<String>,
    /// The button that goes ahead.
    pub act: String,
    /// What going ahead does.
    pub then: Vec<Effect>,
    pub focus: Choice,
}

impl Confirm {
    /// Focus starts on Cancel.
    pub fn new(title: String, message: Vec<String>, act: String, then: Vec<Effect>) -> Confirm {
        Confirm {
            title,
            message,
            act,
            then,
            focus: Choice::Cancel,
        }
    }
}

impl TwoChoices for Confirm {
    fn act_label(&self) -> String {
        self.act.clone()
    }

    fn focus(&mut self) -> &mut Choice {
        &mut self.focus
    }

    fn focused(&self) -> Choice {
        self.focus
    }

    fn act(&self) -> Vec<Effect> {
        self.then.clone()
    }

    fn draw_choices(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let lines = self.message.iter().map(|l| Line::from(l.clone())).collect();
        frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &self.title,
                lines,
                extra_height: 1,
                buttons: &[(self.act_label(), true), (self.cancel_label(), true)],
                focused: Some(self.focus.button()),
                danger: false,
            },
            hits,
        );
    }
}
