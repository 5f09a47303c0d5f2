//! Disconnect (R5): how many scheduled posts it cancels, that published posts
//! leave the Published tab, and until when a reconnect restores everything.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::{escape_control, plural, relative};
use crate::store::previews::DisconnectPreview;
use crate::tui::app::{Effect, Hits, Seen};
use crate::tui::view::long_date;

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
    fn act_label(&self) -> &'static str {
        "Disconnect account"
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
        let theme = &scene.app.theme;
        let p = &self.preview;
        let a = &p.account.account;
        let until = p
            .restore_until
            .map(|t| format!("{} ({})", long_date(scene.zone, t), relative(t, scene.now)))
            .unwrap_or_else(|| "-".into());
        let lines = vec![
            Line::from(format!(
                "Disconnect {} @{} from the portal?",
                a.network.label(),
                escape_control(&a.handle)
            )),
            Line::from(""),
            Line::from(vec![
                Span::raw("• "),
                Span::styled(plural(p.scheduled, "scheduled post"), theme.warning),
                Span::raw(" will be canceled."),
            ]),
            Line::from(format!(
                "• Its {} {} the Published tab (kept, not deleted).",
                plural(p.published, "published post"),
                if p.published == 1 { "leaves" } else { "leave" }
            )),
            Line::from("• Drafts are kept. Nobody is notified."),
            Line::from(vec![
                Span::raw("• Reconnect before "),
                Span::styled(until, theme.accent),
                Span::raw(" to restore everything; after that its history is purged."),
            ]),
        ];
        frame_dialog(
            frame,
            scene.app,
            Content {
                title: "Disconnect account",
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
