//! Reconnect (R6, R7): a simulated authorization screen of the network, what
//! the reconnect restores, and whom R10c recommends.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::{escape_control, plural};
use crate::store::previews::ReconnectPreview;
use crate::tui::app::{Effect, Hits, Seen};

#[derive(Clone, Debug)]
pub struct Reconnect {
    pub preview: ReconnectPreview,
    pub focus: Choice,
}

impl Reconnect {
    /// Focus starts on the safe choice.
    pub fn new(preview: ReconnectPreview) -> Reconnect {
        Reconnect {
            preview,
            focus: Choice::Cancel,
        }
    }
}

impl TwoChoices for Reconnect {
    fn act_label(&self) -> String {
        crate::tr!("button-authorize")
    }

    fn focus(&mut self) -> &mut Choice {
        &mut self.focus
    }

    fn focused(&self) -> Choice {
        self.focus
    }

    fn act(&self) -> Vec<Effect> {
        vec![Effect::Reconnect(Seen::of(&self.preview.account))]
    }

    fn draw_choices(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = &scene.app.theme;
        let p = &self.preview;
        let a = &p.account.account;
        let actor = scene
            .app
            .session
            .as_ref()
            .map(|s| s.actor.email.clone())
            .unwrap_or_default();
        let mut lines = vec![
            Line::styled(
                format!("{} · Authorize Switchboard", a.network.label()),
                theme.accent,
            ),
            Line::from(format!(
                "Switchboard would like to publish as {} (@{}) on behalf of {}.",
                escape_control(&a.name),
                escape_control(&a.handle),
                escape_control(&actor)
            )),
            Line::styled(
                "(A simulated authorization screen: no network is reached.)",
                theme.muted,
            ),
            Line::from(""),
        ];
        if p.restored {
            lines.push(Line::from(vec![
                Span::raw("Reconnecting restores everything: "),
                Span::styled(plural(p.resume, "scheduled post"), theme.ok),
                Span::raw(" will publish at their time; "),
                Span::styled(format!("{} missed", p.missed), theme.warning),
                Span::raw(
                    " their time while disconnected and stay canceled (you can reschedule them).",
                ),
            ]));
            lines.push(Line::from(
                "Published posts come back to the Published tab.",
            ));
        } else {
            lines.push(Line::styled(
                "The reconnect window has ended: this starts a fresh connection with no history.",
                theme.warning,
            ));
        }
        if let Some(original) = &p.recommend {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                format!(
                    "Recommended: {} connected this account originally and should reauthorize it.",
                    escape_control(original)
                ),
                theme.muted,
            ));
        }
        frame_dialog(
            frame,
            scene.app,
            Content {
                title: "Reconnect account",
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
