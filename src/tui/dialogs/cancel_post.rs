//! Cancel a post: a confirmation that names the post, its account and when
//! it was to publish. A canceled post stays in the Canceled tab.

use ratatui::Frame;
use ratatui::text::Line;

use super::kit::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::{escape_control, truncate};
use crate::store::posts::PostLine;
use crate::tui::effect::Effect;
use crate::tui::format::long_date;
use crate::tui::hits::Hits;

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
            Some(t) => crate::tr!("post-scheduled-for", when = long_date(scene.zone, t)),
            None => crate::tr!("post-a-draft"),
        };
        let lines = vec![
            Line::from(crate::tr!(
                "cancel-post-question",
                id = p.post.id,
                network = p.network.label(),
                account = escape_control(&p.account_name),
                when = when
            )),
            Line::styled(
                format!("“{}”", truncate(&escape_control(&p.post.text), 60)),
                scene.theme.muted,
            ),
            Line::from(""),
            Line::from(crate::tr!("cancel-post-explain")),
        ];
        frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("button-cancel-post"),
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
