//! A refused action (R10e, R2): what was refused and who may do it.

use ratatui::Frame;
use ratatui::text::Line;

use super::kit::{Button, Component, Content, Outcome, Scene, frame_dialog};
use crate::present::escape_control;
use crate::tui::action::Action;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct Refused {
    pub title: String,
    pub message: String,
}

impl Component for Refused {
    fn buttons(&self) -> Vec<Button> {
        vec![(crate::tr!("button-ok"), true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => self.press(),
            _ => Outcome::stay(),
        }
    }

    fn focus_button(&mut self, _button: usize) {}

    fn press(&mut self) -> Outcome {
        Outcome::close(vec![])
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let mut lines: Vec<Line<'static>> = self
            .message
            .lines()
            .map(|l| Line::from(escape_control(l).into_owned()))
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(
            crate::tr!("refused-nothing-changed"),
            scene.theme.muted,
        ));
        frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &self.title,
                lines,
                extra_height: 1,
                buttons: &self.buttons(),
                focused: Some(0),
                danger: false,
            },
            hits,
        );
    }
}
