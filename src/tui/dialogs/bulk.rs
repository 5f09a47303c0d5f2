//! Several accounts at once: marked with Space, then r, d or x. The dialog
//! lists, per account, what will happen or why not (who may, R10e); the
//! action then runs on every allowed account in one transaction, each with
//! its own result. Removing asks to type `remove`, as removing one asks
//! for its handle (R13).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use super::kit::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::present::escape_control;
use crate::store::actions::Bulk;
use crate::store::previews::BulkLine;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, Seen};
use crate::tui::hits::Hits;

/// The word a bulk removal is confirmed with.
pub const CONFIRM_REMOVE: &str = "remove";

/// How many accounts the dialog lists before "and N more".
const LISTED: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkFocus {
    /// The confirmation field (removals only).
    Field,
    Act,
    Cancel,
}

#[derive(Clone, Debug)]
pub struct BulkDialog {
    pub kind: Bulk,
    pub lines: Vec<BulkLine>,
    pub input: Input,
    pub focus: BulkFocus,
}

impl BulkDialog {
    /// Focus starts on the safe choice (the field, for a removal).
    pub fn new(kind: Bulk, lines: Vec<BulkLine>) -> BulkDialog {
        let focus = if kind == Bulk::Remove {
            BulkFocus::Field
        } else {
            BulkFocus::Cancel
        };
        BulkDialog {
            kind,
            lines,
            input: Input::default(),
            focus,
        }
    }

    fn allowed(&self) -> Vec<Seen> {
        self.lines
            .iter()
            .filter(|l| l.will.is_ok())
            .map(|l| Seen::of(&l.account))
            .collect()
    }

    fn ready(&self) -> bool {
        !self.allowed().is_empty()
            && (self.kind != Bulk::Remove || self.input.value().trim() == CONFIRM_REMOVE)
    }

    fn order(&self) -> &'static [BulkFocus] {
        if self.kind == Bulk::Remove {
            &[BulkFocus::Field, BulkFocus::Act, BulkFocus::Cancel]
        } else {
            &[BulkFocus::Act, BulkFocus::Cancel]
        }
    }

    fn step(&mut self, forward: bool) {
        let order = self.order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
    }
}

impl Component for BulkDialog {
    fn buttons(&self) -> Vec<Button> {
        let label = crate::tr!(match self.kind {
            Bulk::Reconnect => "button-reconnect-accounts",
            Bulk::Disconnect => "button-disconnect-accounts",
            Bulk::Remove => "button-remove-accounts",
        });
        vec![(label, self.ready()), (crate::tr!("button-cancel"), true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::{Confirm, Down, Left, NextFocus, PrevFocus, Right, Up};
        match action {
            NextFocus | Right | Down => self.step(true),
            PrevFocus | Left | Up => self.step(false),
            Confirm if self.focus == BulkFocus::Field && self.ready() => {
                self.focus = BulkFocus::Act;
            }
            Confirm if self.focus == BulkFocus::Field => {}
            Confirm => return self.press(),
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            BulkFocus::Act
        } else {
            BulkFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            BulkFocus::Act if self.ready() => {
                Outcome::close(vec![Effect::Bulk(self.kind, self.allowed())])
            }
            BulkFocus::Act | BulkFocus::Field => Outcome::stay(),
            BulkFocus::Cancel => Outcome::close(vec![]),
        }
    }

    fn typing(&self) -> bool {
        self.focus == BulkFocus::Field
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        (self.focus == BulkFocus::Field).then_some((&mut self.input, 20))
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let allowed = self.allowed().len();
        let refused = self.lines.len() - allowed;
        let mut lines = vec![Line::from(crate::tr!(
            &format!("bulk-{}-head", self.kind.verb()),
            count = allowed,
            marked = self.lines.len()
        ))];
        if refused > 0 {
            lines.push(Line::styled(
                crate::tr!("bulk-refused", count = refused),
                theme.muted,
            ));
        }
        lines.push(Line::from(""));
        for line in self.lines.iter().take(LISTED) {
            let a = &line.account.account;
            let name = format!(
                "{} · {} @{}",
                a.network.label(),
                escape_control(&a.name),
                escape_control(&a.handle)
            );
            let (mark, text, style) = match &line.will {
                Ok(what) => ("✓", what.clone(), theme.text),
                Err(why) => ("✗", why.clone(), theme.warning),
            };
            // Whole, wrapped by the box: who may is never cut.
            lines.push(Line::styled(
                format!(" {mark} {name}: {}", escape_control(&text)),
                style,
            ));
        }
        if self.lines.len() > LISTED {
            lines.push(Line::styled(
                format!(
                    "   {}",
                    crate::tr!("bulk-more", count = self.lines.len() - LISTED)
                ),
                theme.muted,
            ));
        }
        if self.kind == Bulk::Remove {
            lines.push(Line::from(""));
            lines.push(Line::from(crate::tr!(
                "bulk-type-to-confirm",
                word = CONFIRM_REMOVE
            )));
        }
        let focused = match self.focus {
            BulkFocus::Field => None,
            BulkFocus::Act => Some(0),
            BulkFocus::Cancel => Some(1),
        };
        let field = frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("bulk-title"),
                lines,
                extra_height: if self.kind == Bulk::Remove { 2 } else { 1 },
                buttons: &self.buttons(),
                focused,
                danger: self.kind != Bulk::Reconnect,
            },
            hits,
        );
        if self.kind == Bulk::Remove {
            draw_field(
                frame,
                scene.theme,
                Rect::new(field.x, field.y, field.width, 1),
                " ",
                &self.input,
                self.focus == BulkFocus::Field,
            );
        }
    }
}
