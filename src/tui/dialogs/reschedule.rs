//! Reschedule a scheduled, draft or missed post (R6b: missed posts "can be
//! rescheduled"): a new instant, typed as `2026-03-14 09:30` or `+3d`, checked
//! as it is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use super::kit::{
    Button, Component, Content, Outcome, Scene, draw_field, frame_dialog, parse_when,
};
use crate::lifecycle::{Account, Instant};
use crate::present::{escape_control, relative, truncate};
use crate::store::posts::PostLine;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::{Zone, long_date};
use crate::tui::hits::Hits;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RescheduleFocus {
    When,
    Save,
    Cancel,
}

const ORDER: [RescheduleFocus; 3] = [
    RescheduleFocus::When,
    RescheduleFocus::Save,
    RescheduleFocus::Cancel,
];

#[derive(Clone, Debug)]
pub struct Reschedule {
    pub post: PostLine,
    /// Its account: scheduling needs it connected (R10f).
    pub account: Box<Account>,
    pub when: Input,
    pub focus: RescheduleFocus,
    pub now: Instant,
    pub zone: Zone,
}

impl Reschedule {
    pub fn new(post: PostLine, account: Account, now: Instant, zone: Zone) -> Reschedule {
        // Its own time while still ahead, else a day from now: a start to edit.
        let start = match post.post.scheduled_at {
            Some(at) if at > now => super::kit::when_text(zone, at),
            _ => "+1d".to_string(),
        };
        Reschedule {
            post,
            account: Box::new(account),
            when: Input::new(start),
            focus: RescheduleFocus::When,
            now,
            zone,
        }
    }

    /// The new instant, or why it cannot be used.
    pub fn target(&self) -> Result<Instant, String> {
        let at = parse_when(self.when.value(), self.now, self.zone)?;
        // R10f: a connected account and a future instant, as lifecycle says.
        crate::lifecycle::post::check_schedulable(&self.account, at, self.now)
            .map_err(|refusal| refusal.message())?;
        Ok(at)
    }

    fn step(&mut self, by: usize) {
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at + by) % ORDER.len()];
    }
}

impl Component for Reschedule {
    fn buttons(&self) -> Vec<Button> {
        vec![
            (crate::tr!("button-reschedule"), self.target().is_ok()),
            (crate::tr!("button-cancel"), true),
        ]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::{Confirm, Down, Left, NextFocus, PrevFocus, Right, Up};
        match action {
            NextFocus | Down => self.step(1),
            PrevFocus | Up => self.step(2),
            Left | Right if self.focus != RescheduleFocus::When => {
                self.focus = if self.focus == RescheduleFocus::Save {
                    RescheduleFocus::Cancel
                } else {
                    RescheduleFocus::Save
                }
            }
            Confirm => {
                if self.focus == RescheduleFocus::When {
                    if self.target().is_err() {
                        return Outcome::stay();
                    }
                    self.focus = RescheduleFocus::Save;
                }
                return self.press();
            }
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            RescheduleFocus::Save
        } else {
            RescheduleFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        match (self.focus, self.target()) {
            (RescheduleFocus::Cancel, _) => Outcome::close(vec![]),
            (_, Ok(at)) => Outcome::close(vec![Effect::ReschedulePost {
                id: self.post.post.id,
                at,
            }]),
            (_, Err(_)) => Outcome::stay(),
        }
    }

    fn typing(&self) -> bool {
        self.focus == RescheduleFocus::When
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        (self.focus == RescheduleFocus::When).then_some((&mut self.when, 40))
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let p = &self.post;
        let was = match p.post.scheduled_at {
            Some(t) => crate::tr!("post-was", when = long_date(self.zone, t)),
            None => crate::tr!("post-a-draft"),
        };
        let lines = vec![
            Line::from(crate::tr!(
                "reschedule-post-on",
                id = p.post.id,
                network = p.network.label(),
                account = escape_control(&p.account_name),
                was = was
            )),
            Line::styled(
                format!("“{}”", truncate(&escape_control(&p.post.text), 60)),
                theme.muted,
            ),
            Line::from(""),
            Line::from(crate::tr!(
                "reschedule-at",
                example = super::kit::when_example(self.zone, self.now)
            )),
            Line::from(""),
            match self.target() {
                Ok(at) => Line::styled(
                    format!(
                        "→ {}",
                        crate::tr!(
                            "post-publishes",
                            when = long_date(self.zone, at),
                            relative = relative(at, self.now)
                        )
                    ),
                    theme.ok,
                ),
                // One row, never wrapped: the field is drawn at a fixed row.
                Err(why) => Line::styled(truncate(&format!("✗ {why}"), 64), theme.warning),
            },
            super::kit::deadline_warning(
                &self.account,
                self.target().ok(),
                self.zone,
                theme.warning,
            ),
        ];
        let total = lines.len() as u16;
        let focused = match self.focus {
            RescheduleFocus::When => None,
            RescheduleFocus::Save => Some(0),
            RescheduleFocus::Cancel => Some(1),
        };
        let body = frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("reschedule-title"),
                lines,
                extra_height: 0,
                buttons: &self.buttons(),
                focused,
                danger: false,
            },
            hits,
        );
        let top = body.y.saturating_sub(total);
        draw_field(
            frame,
            scene.theme,
            Rect::new(body.x, top + 4, body.width, 1),
            " ",
            &self.when,
            self.focus == RescheduleFocus::When,
        );
    }
}
