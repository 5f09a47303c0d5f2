//! Disconnect (R5): how many scheduled posts it cancels, that published posts
//! leave the Published tab, and until when a reconnect restores everything.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::kit::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::{escape_control, relative};
use crate::store::previews::DisconnectPreview;
use crate::tui::effect::{Effect, Seen};
use crate::tui::format::long_date;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct Disconnect {
    pub preview: DisconnectPreview,
    pub focus: Choice,
}

impl Disconnect {
    /// Focus starts on the safe choice.
    pub fn new(preview: DisconnectPreview) -> Disconnect {
        Disconnect {
            preview,
            focus: Choice::Cancel,
        }
    }
}

impl TwoChoices for Disconnect {
    fn act_label(&self) -> String {
        crate::tr!("button-disconnect-account")
    }

    fn focus(&mut self) -> &mut Choice {
        &mut self.focus
    }

    fn focused(&self) -> Choice {
        self.focus
    }

    fn act(&self) -> Vec<Effect> {
        // The store refuses it if the account changed since (issue 7).
        vec![Effect::Disconnect(Seen::of(&self.preview.account))]
    }

    fn draw_choices(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let p = &self.preview;
        let a = &p.account.account;
        let until = p
            .restore_until
            .map(|t| {
                format!(
                    "{} ({})",
                    crate::tr!("on-date", date = long_date(scene.zone, t)),
                    relative(t, scene.now)
                )
            })
            .unwrap_or_else(|| "-".into());
        let lines = vec![
            Line::from(crate::tr!(
                "disconnect-question",
                network = a.network.label(),
                handle = escape_control(&a.handle)
            )),
            Line::from(""),
            Line::from(vec![
                Span::raw("• "),
                Span::styled(
                    crate::tr!("disconnect-scheduled", count = p.scheduled),
                    theme.warning,
                ),
                Span::raw(crate::tr!("disconnect-scheduled-end", count = p.scheduled)),
            ]),
            Line::from(format!(
                "• {}",
                crate::tr!("disconnect-published", count = p.published)
            )),
            Line::from(format!("• {}", crate::tr!("disconnect-drafts"))),
            Line::from(vec![
                Span::raw(format!("• {}", crate::tr!("disconnect-restore-before"))),
                Span::styled(until, theme.accent),
                Span::raw(crate::tr!("disconnect-restore-after")),
            ]),
        ];
        let title = crate::tr!("button-disconnect-account");
        frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &title,
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
