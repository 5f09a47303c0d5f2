//! Cancel a post: a confirmation that names the post, its account and when
//! it was to publish. A canceled post stays in the Canceled tab.

use ratatui::Frame;
use ratatui::text::Line;

use super::{Button, Choice, Component, Content, Outcome, Scene, choice_action, frame_dialog};
use crate::present::{escape_control, truncate};
use crate::store::posts::PostLine;
use crate::tui::action::Action;
use crate::tui::app::{Effect, Hits};
use crate::tui::view::long_date;

#[derive(Clone, Debug)]
pub struct CancelPost {
    pub post: PostLine,
    pub focus: Choice,
}

impl CancelPost {
    /// Focus starts on keeping the post.
    pub fn new(post: PostLine) -> CancelPost {
        CancelPost {
            post,
            focus: Choice::Cancel,
        }
    }
}

impl Component for CancelPost {
    fn buttons(&self) -> Vec<Button> {
        vec![("Cancel post", true), ("Keep it", true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        choice_action(&mut self.focus, action).unwrap_or_else(|| self.press())
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = Choice::from_button(button);
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            Choice::Act => Outcome::close(vec![Effect::CancelPost(self.post.post.id)]),
            Choice::Cancel => Outcome::close(vec![]),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let p = &self.post;
        let when = match p.post.scheduled_at {
            Some(t) => format!("scheduled for {}", long_date(scene.zone, t)),
            None => "a draft".into(),
        };
        let lines = vec![
            Line::from(format!(
                "Cancel post #{} on {} · {} ({when})?",
                p.post.id,
                p.network.label(),
                escape_control(&p.account_name)
            )),
            Line::styled(
                format!("“{}”", truncate(&escape_control(&p.post.text), 60)),
                scene.app.theme.muted,
            ),
            Line::from(""),
            Line::from("It will not publish; it stays in the Canceled tab and can be rescheduled."),
        ];
        frame_dialog(
            frame,
            scene.app,
            Content {
                title: "Cancel post",
                lines,
                extra_height: 1,
                buttons: &self.buttons(),
                focused: Some(self.focus.button()),
                danger: true,
            },
            hits,
        );
    }
}
