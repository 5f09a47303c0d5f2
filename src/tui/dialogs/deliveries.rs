//! Your reminders (issue 12): whether the acting user's reminders and purge
//! warnings go to their email, and to which webhook. The URL is checked as
//! it is typed; Save is disabled while it is not one a watch can use.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::Input;

use super::kit::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::present::escape_control;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

/// The longest webhook URL the field takes.
const URL_MAX: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveriesFocus {
    Email,
    Webhook,
    Save,
    Cancel,
}

const ORDER: [DeliveriesFocus; 4] = [
    DeliveriesFocus::Email,
    DeliveriesFocus::Webhook,
    DeliveriesFocus::Save,
    DeliveriesFocus::Cancel,
];

#[derive(Clone, Debug)]
pub struct Deliveries {
    pub user: String,
    pub email: bool,
    pub webhook: Input,
    pub focus: DeliveriesFocus,
    /// The config lets webhooks point at private addresses.
    pub allow_private: bool,
}

impl Deliveries {
    pub fn new(
        user: String,
        channels: &crate::store::outbox::Channels,
        allow_private: bool,
    ) -> Deliveries {
        Deliveries {
            user,
            allow_private,
            email: channels.email,
            webhook: Input::new(channels.webhook.clone().unwrap_or_default()),
            focus: DeliveriesFocus::Email,
        }
    }

    /// What is wrong with the typed URL, if anything (empty: no webhook).
    fn problem(&self) -> Option<String> {
        let url = self.webhook.value().trim();
        if url.is_empty() {
            return None;
        }
        crate::address::check_url(url, self.allow_private).err()
    }

    fn step(&mut self, by: usize) {
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = ORDER[(at + by) % ORDER.len()];
    }
}

impl Component for Deliveries {
    fn buttons(&self) -> Vec<Button> {
        vec![
            (crate::tr!("button-save"), self.problem().is_none()),
            (crate::tr!("button-cancel"), true),
        ]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::*;
        match action {
            NextFocus | Down => self.step(1),
            PrevFocus | Up => self.step(3),
            Right if self.focus != DeliveriesFocus::Webhook => self.step(1),
            Left if self.focus != DeliveriesFocus::Webhook => self.step(3),
            Toggle if self.focus == DeliveriesFocus::Email => self.email = !self.email,
            Confirm => return self.press(),
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            DeliveriesFocus::Save
        } else {
            DeliveriesFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            DeliveriesFocus::Email => {
                self.email = !self.email;
                Outcome::stay()
            }
            // Enter in the field saves at once when the URL is usable; with
            // a mistake the focus stays in the field, every key typed
            // there (issue 18, item 4).
            DeliveriesFocus::Webhook | DeliveriesFocus::Save => {
                if self.problem().is_some() {
                    return Outcome::stay();
                }
                let url = self.webhook.value().trim();
                Outcome::close(vec![Effect::SetChannels {
                    email: self.email,
                    webhook: (!url.is_empty()).then(|| url.to_string()),
                }])
            }
            DeliveriesFocus::Cancel => Outcome::close(vec![]),
        }
    }

    fn typing(&self) -> bool {
        self.focus == DeliveriesFocus::Webhook
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        (self.focus == DeliveriesFocus::Webhook).then_some((&mut self.webhook, URL_MAX))
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let mark = if self.email { "[x]" } else { "[ ]" };
        let email_style = if self.focus == DeliveriesFocus::Email {
            theme.hovered
        } else {
            theme.text
        };
        let lines = vec![
            Line::from(crate::tr!(
                "deliveries-intro",
                email = escape_control(&self.user)
            )),
            Line::from(""),
            Line::from(Span::styled(
                crate::tr!(
                    "deliveries-email",
                    mark = mark,
                    email = escape_control(&self.user)
                ),
                email_style,
            )),
            Line::from(""),
        ];
        let note = match self.problem() {
            Some(problem) => Line::from(Span::styled(
                escape_control(&problem).into_owned(),
                theme.danger,
            )),
            None => Line::from(Span::styled(
                crate::tr!("deliveries-webhook-note"),
                theme.muted,
            )),
        };
        let focused = match self.focus {
            DeliveriesFocus::Save => Some(0),
            DeliveriesFocus::Cancel => Some(1),
            _ => None,
        };
        let field = frame_dialog(
            frame,
            scene.theme,
            Content {
                title: &crate::tr!("deliveries-title"),
                lines,
                extra_height: 4,
                buttons: &self.buttons(),
                focused,
                danger: false,
            },
            hits,
        );
        draw_field(
            frame,
            scene.theme,
            Rect::new(field.x, field.y, field.width, 1),
            &crate::tr!("deliveries-webhook"),
            &self.webhook,
            self.focus == DeliveriesFocus::Webhook,
        );
        frame.render_widget(
            ratatui::widgets::Paragraph::new(note).wrap(ratatui::widgets::Wrap { trim: true }),
            Rect::new(field.x, field.y + 1, field.width, 2),
        );
    }
}
