//! The user menu (`u`): act as another user, the language, the time zone
//! (issue 21), and where the acting user's reminders go (issue 12).

use ratatui::Frame;
use tui_input::Input;

use super::kit::{Button, Component, Outcome, Scene, draw_menu, menu_move};
use crate::lifecycle::User;
use crate::present::escape_control;
use crate::store::outbox::Channels;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct UserMenu {
    pub users: Vec<User>,
    pub index: usize,
    /// The acting user's deliveries: the last row opens them.
    pub channels: Channels,
}

impl UserMenu {
    /// The menu on the acting user's row.
    pub fn new(users: Vec<User>, acting: &str, channels: Channels) -> UserMenu {
        let index = users.iter().position(|u| u.email == acting).unwrap_or(0);
        UserMenu {
            users,
            index,
            channels,
        }
    }

    /// The rows under the users: the language, the time zone, and the
    /// reminders.
    fn language_row(&self) -> usize {
        self.users.len()
    }

    fn zone_row(&self) -> usize {
        self.users.len() + 1
    }

    fn deliveries_row(&self) -> usize {
        self.users.len() + 2
    }

    fn items(&self) -> Vec<(String, bool)> {
        let mut items: Vec<(String, bool)> = self
            .users
            .iter()
            .map(|u| {
                let state = if u.active {
                    crate::present::role_words(u.role())
                } else {
                    crate::tr!("user-deactivated")
                };
                (
                    format!(
                        "{} <{}> · {state}",
                        escape_control(&u.name),
                        escape_control(&u.email)
                    ),
                    u.active,
                )
            })
            .collect();
        items.push((
            crate::tr!(
                "menu-language",
                next = crate::tr!(match crate::i18n::current().next() {
                    crate::i18n::Lang::En => "language-en",
                    crate::i18n::Lang::It => "language-it",
                })
            ),
            true,
        ));
        items.push((
            crate::tr!(
                "menu-zone",
                zone = match &self.channels.timezone {
                    Some(zone) => escape_control(zone).into_owned(),
                    None => crate::tr!("cli-channel-portal-zone"),
                }
            ),
            true,
        ));
        // A webhook is named, and set with `switchboard user set`.
        let webhook = self
            .channels
            .webhook
            .as_deref()
            .map(|url| crate::tr!("menu-webhook", url = escape_control(url)))
            .unwrap_or_default();
        items.push((
            crate::tr!(
                if self.channels.email {
                    "menu-email-on"
                } else {
                    "menu-email-off"
                },
                webhook = webhook
            ),
            true,
        ));
        items
    }
}

impl Component for UserMenu {
    fn buttons(&self) -> Vec<Button> {
        Vec::new()
    }

    fn handle(&mut self, action: Action) -> Outcome {
        let last = self.deliveries_row();
        if menu_move(&mut self.index, last, action) || action != Action::Confirm {
            return Outcome::stay();
        }
        if self.index == self.deliveries_row() {
            Outcome::close(vec![Effect::OpenDeliveries])
        } else if self.index == self.zone_row() {
            Outcome::close(vec![Effect::OpenTimeZone])
        } else if self.index == self.language_row() {
            Outcome::close(vec![Effect::SetLanguage(crate::i18n::current().next())])
        } else {
            let email = self.users.get(self.index).map(|u| u.email.clone());
            Outcome::close(email.map(Effect::SwitchUser).into_iter().collect())
        }
    }

    fn focus_button(&mut self, _button: usize) {}

    fn press(&mut self) -> Outcome {
        self.handle(Action::Confirm)
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        None
    }

    fn pick(&mut self, item: usize) {
        self.index = item.min(self.deliveries_row());
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let title = crate::tr!("picker-act-as");
        draw_menu(
            frame,
            scene.theme,
            (&title, &self.items()),
            self.index,
            hits,
        );
    }
}
