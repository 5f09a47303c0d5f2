//! Reconnect (R6, R7): a simulated authorization screen of the network, what
//! the reconnect restores, and whom R10c recommends.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::kit::{Choice, Content, Scene, TwoChoices, frame_dialog};
use crate::present::escape_control;
use crate::store::previews::ReconnectPreview;
use crate::tui::effect::{Effect, Seen};
use crate::tui::hits::Hits;

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
        let theme = scene.theme;
        let p = &self.preview;
        let a = &p.account.account;
        let actor = &p.actor;
        let mut lines = vec![
            Line::styled(
                crate::tr!("reconnect-authorize-title", network = a.network.label()),
                theme.accent,
            ),
            Line::from(crate::tr!(
                "reconnect-would-publish",
                name = escape_control(&a.name),
                handle = escape_control(&a.handle),
                actor = escape_control(actor)
            )),
            Line::styled(crate::tr!("reconnect-simulated"), theme.muted),
            Line::from(""),
        ];
        if p.restored {
            lines.push(Line::from(vec![
                Span::raw(crate::tr!("reconnect-restores")),
                Span::styled(
                    crate::tr!("disconnect-scheduled", count = p.resume),
                    theme.ok,
                ),
                Span::raw(crate::tr!("reconnect-will-publish", count = p.resume)),
                Span::styled(
                    crate::tr!("reconnect-missed", count = p.missed),
                    theme.warning,
                ),
                Span::raw(crate::tr!("reconnect-missed-end", count = p.missed)),
            ]));
            lines.push(Line::from(crate::tr!("reconnect-published-back")));
        } else {
            lines.push(Line::styled(crate::tr!("reconnect-fresh"), theme.warning));
        }
        if let Some(original) = &p.recommend {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                crate::tr!("reconnect-recommended", who = escape_control(original)),
                theme.muted,
            ));
        }
        frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("reconnect-title"),
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
