//! Cancel a post: a confirmation that names the post, its account and when
//! it was to publish. A canceled post stays in the Canceled tab.

use ratatui::Frame;
use ratatui::text::Line;

use super::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::{escape_control, truncate};
use crate::store::posts::PostLine;
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

impl TwoChoices for CancelPost {
    fn act_label(&self) -> String {
        crate::tr!("button-cancel-post")
    }

    fn cancel_label(&self) -> String {
        crate::tr!("button-keep-it")
    }

    fn focus(&mut self) -> &mut Choice {
        &mut self.focus
    }

    fn focused(&self) -> Choice {
        self.focus
    }

    fn act(&self) -> Vec<Effect> {
        vec![Effect::CancelPost(self.post.post.id)]
    }

    fn draw_choices(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
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
                buttons: &[(self.act_label(), true), (self.cancel_label(), true)],
                focused: Some(self.focus.button()),
                danger: true,
            },
            hits,
        );
    }
}
