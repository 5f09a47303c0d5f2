//! Compose a post (R10f): an account picker that lists only the accounts the
//! acting user may publish to, the text (up to the network's limit), and when:
//! empty for a draft, or an instant typed as `2026-03-14 09:30` or `+3d`,
//! checked as it is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use super::kit::{
    Button, Component, Content, Outcome, Scene, draw_field, frame_dialog, parse_when,
};
use crate::lifecycle::Instant;
use crate::present::{escape_control, relative, truncate};
use crate::store::AccountRecord;
use crate::store::actions::NAME_MAX;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::{Zone, long_date};
use crate::tui::hits::Hits;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComposeFocus {
    Account,
    Text,
    When,
    Save,
    Cancel,
}

const ORDER: [ComposeFocus; 5] = [
    ComposeFocus::Account,
    ComposeFocus::Text,
    ComposeFocus::When,
    ComposeFocus::Save,
    ComposeFocus::Cancel,
];

/// How many matching accounts the picker shows.
pub const SHOWN: usize = 6;

#[derive(Clone, Debug)]
pub struct Compose {
    /// Accounts the user may post to whose name or handle matches `search`.
    pub candidates: Vec<AccountRecord>,
    pub row: usize,
    pub search: Input,
    pub text: Input,
    pub when: Input,
    pub focus: ComposeFocus,
    /// The clock and zone the instant is read in.
    pub now: Instant,
    pub zone: Zone,
}

/// What Save would do, or why it cannot yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    Draft,
    Schedule(Instant),
    Invalid(String),
}

impl Compose {
    pub fn new(candidates: Vec<AccountRecord>, now: Instant, zone: Zone) -> Compose {
        let focus = if candidates.len() == 1 {
            ComposeFocus::Text
        } else {
            ComposeFocus::Account
        };
        Compose {
            candidates,
            row: 0,
            search: Input::default(),
            text: Input::default(),
            when: Input::default(),
            focus,
            now,
            zone,
        }
    }

    pub fn account(&self) -> Option<&AccountRecord> {
        self.candidates.get(self.row)
    }

    fn text_limit(&self) -> usize {
        self.account().map_or(crate::store::actions::TEXT_MAX, |a| {
            a.account.network.text_limit()
        })
    }

    /// What Save does with what is typed now: the reason shown as it is typed.
    pub fn plan(&self) -> Plan {
        let Some(account) = self.account() else {
            return Plan::Invalid(crate::tr!("compose-no-match"));
        };
        let length = self.text.value().trim().chars().count();
        if length == 0 {
            return Plan::Invalid(crate::tr!("compose-type-text"));
        }
        if length > self.text_limit() {
            return Plan::Invalid(crate::tr!(
                "compose-too-long",
                network = account.account.network.label(),
                limit = self.text_limit(),
                typed = length
            ));
        }
        if self.when.value().trim().is_empty() {
            return Plan::Draft;
        }
        match parse_when(self.when.value(), self.now, self.zone) {
            Err(e) => Plan::Invalid(e),
            Ok(at) => {
                match crate::lifecycle::post::check_schedulable(&account.account, at, self.now) {
                    Ok(()) => Plan::Schedule(at),
                    Err(refusal) => Plan::Invalid(refusal.message()),
                }
            }
        }
    }

    fn step(&mut self, by: usize) {
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at + by) % ORDER.len()];
    }
}

impl Component for Compose {
    fn buttons(&self) -> Vec<Button> {
        let label = crate::tr!(match self.plan() {
            Plan::Draft => "button-save-draft",
            _ => "button-schedule-post",
        });
        let ready = !matches!(self.plan(), Plan::Invalid(_));
        vec![(label, ready), (crate::tr!("button-cancel"), true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::{Confirm, Down, Left, NextFocus, PrevFocus, Right, Up};
        match action {
            NextFocus => self.step(1),
            PrevFocus => self.step(ORDER.len() - 1),
            Up if self.focus == ComposeFocus::Account => self.row = self.row.saturating_sub(1),
            Down if self.focus == ComposeFocus::Account => {
                self.row = (self.row + 1).min(self.candidates.len().min(SHOWN).saturating_sub(1))
            }
            Up => self.step(ORDER.len() - 1),
            Down => self.step(1),
            Left | Right if matches!(self.focus, ComposeFocus::Save | ComposeFocus::Cancel) => {
                self.focus = if self.focus == ComposeFocus::Save {
                    ComposeFocus::Cancel
                } else {
                    ComposeFocus::Save
                }
            }
            Confirm => match self.focus {
                ComposeFocus::Account | ComposeFocus::Text => self.step(1),
                // Enter in the time field saves, when it can; else the
                // field keeps the focus, with its reason shown.
                ComposeFocus::When if !matches!(self.plan(), Plan::Invalid(_)) => {
                    self.focus = ComposeFocus::Save;
                    return self.press();
                }
                ComposeFocus::When => {}
                ComposeFocus::Save | ComposeFocus::Cancel => return self.press(),
            },
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            ComposeFocus::Save
        } else {
            ComposeFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        if self.focus == ComposeFocus::Cancel {
            return Outcome::close(vec![]);
        }
        let Some(account) = self.account() else {
            return Outcome::stay();
        };
        let at = match self.plan() {
            Plan::Invalid(_) => return Outcome::stay(),
            Plan::Draft => None,
            Plan::Schedule(at) => Some(at),
        };
        Outcome::close(vec![Effect::SavePost {
            account: account.account.id,
            at,
            text: self.text.value().trim().to_string(),
        }])
    }

    fn typing(&self) -> bool {
        matches!(
            self.focus,
            ComposeFocus::Account | ComposeFocus::Text | ComposeFocus::When
        )
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        let limit = self.text_limit();
        match self.focus {
            ComposeFocus::Account => Some((&mut self.search, NAME_MAX)),
            ComposeFocus::Text => Some((&mut self.text, limit)),
            ComposeFocus::When => Some((&mut self.when, 40)),
            _ => None,
        }
    }

    fn edited(&mut self) -> Vec<Effect> {
        match self.focus {
            ComposeFocus::Account => vec![Effect::FindPostable(self.search.value().to_string())],
            _ => vec![],
        }
    }

    fn pick(&mut self, item: usize) {
        if item < self.candidates.len() {
            self.row = item;
            self.focus = ComposeFocus::Account;
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let mut lines = vec![Line::from(crate::tr!("compose-account")), Line::from("")];
        let first_item = lines.len();
        if self.candidates.is_empty() {
            lines.push(Line::styled(
                format!("  {}", crate::tr!("compose-no-account")),
                theme.muted,
            ));
        }
        for (i, record) in self.candidates.iter().take(SHOWN).enumerate() {
            let a = &record.account;
            let selected = i == self.row;
            let style = match (selected, self.focus == ComposeFocus::Account) {
                (true, true) => theme.hovered,
                (true, false) => theme.accent,
                _ => theme.text,
            };
            let mark = if selected { "(•)" } else { "( )" };
            lines.push(Line::styled(
                format!(
                    " {mark} {} · {} @{}",
                    a.network.label(),
                    escape_control(&a.name),
                    escape_control(&a.handle)
                ),
                style,
            ));
        }
        let shown = self.candidates.len().clamp(1, SHOWN);
        lines.push(Line::from(""));
        let count = self.text.value().chars().count();
        lines.push(Line::from(crate::tr!(
            "compose-text",
            count = count,
            limit = self.text_limit()
        )));
        lines.push(Line::from(""));
        lines.push(Line::from(crate::tr!(
            "compose-when",
            example = super::kit::when_example(self.zone, self.now)
        )));
        lines.push(Line::from(""));
        let verdict = match self.plan() {
            Plan::Draft => {
                Line::styled(format!("→ {}", crate::tr!("compose-saved-draft")), theme.ok)
            }
            Plan::Schedule(at) => Line::styled(
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
            // One row, never wrapped: the fields are drawn at fixed rows.
            Plan::Invalid(why) => Line::styled(truncate(&format!("✗ {why}"), 64), theme.warning),
        };
        lines.push(verdict);
        let planned = match self.plan() {
            Plan::Schedule(at) => Some(at),
            _ => None,
        };
        if let Some(account) = self.account() {
            lines.push(super::kit::deadline_warning(
                &account.account,
                planned,
                self.zone,
                theme.warning,
            ));
        }
        let text_row = first_item + shown + 2;
        let when_row = text_row + 2;
        let focused = match self.focus {
            ComposeFocus::Save => Some(0),
            ComposeFocus::Cancel => Some(1),
            _ => None,
        };
        let total = lines.len();
        let body = frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("compose-title"),
                lines,
                extra_height: 0,
                buttons: &self.buttons(),
                focused,
                danger: false,
            },
            hits,
        );
        // The text starts `total` rows above the end of the body.
        let top = body.y.saturating_sub(total as u16);
        for i in 0..self.candidates.len().min(SHOWN) {
            hits.picker_items.push((
                Rect::new(body.x, top + (first_item + i) as u16, body.width, 1),
                i,
            ));
        }
        draw_field(
            frame,
            scene.theme,
            Rect::new(body.x, top + 1, body.width, 1),
            " ",
            &self.search,
            self.focus == ComposeFocus::Account,
        );
        draw_field(
            frame,
            scene.theme,
            Rect::new(body.x, top + text_row as u16, body.width, 1),
            " ",
            &self.text,
            self.focus == ComposeFocus::Text,
        );
        draw_field(
            frame,
            scene.theme,
            Rect::new(body.x, top + when_row as u16, body.width, 1),
            " ",
            &self.when,
            self.focus == ComposeFocus::When,
        );
    }
}
