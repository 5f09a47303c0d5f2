//! The demo clock's menu (`t`): move it on by a span or to the next event,
//! or go back to the system clock when that is allowed (T4).

use ratatui::Frame;

use super::kit::{Button, Component, Outcome, Scene, draw_menu, menu_move};
use crate::lifecycle::Instant;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::long_date;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct ClockChoice {
    /// The menu's words: a message id.
    pub label: &'static str,
    /// `None`: to the portal's next event.
    pub hours: Option<i64>,
}

pub const CLOCK_CHOICES: [ClockChoice; 6] = [
    ClockChoice {
        label: "clock-an-hour",
        hours: Some(1),
    },
    ClockChoice {
        label: "clock-a-day",
        hours: Some(24),
    },
    ClockChoice {
        label: "clock-a-week",
        hours: Some(24 * 7),
    },
    ClockChoice {
        label: "clock-30-days",
        hours: Some(24 * 30),
    },
    ClockChoice {
        label: "clock-90-days",
        hours: Some(24 * 90),
    },
    ClockChoice {
        label: "clock-next-event",
        hours: None,
    },
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockMenu {
    pub index: usize,
    /// The portal runs on a demo clock: the menu offers the system clock back.
    pub demo: bool,
    /// Until when the system clock cannot come back (the portal was swept
    /// past it): refreshed with every reload.
    pub system_clock_from: Option<Instant>,
}

impl ClockMenu {
    pub fn new(demo: bool, system_clock_from: Option<Instant>) -> ClockMenu {
        ClockMenu {
            index: 0,
            demo,
            system_clock_from,
        }
    }

    /// Whether the system clock is offered back: on a demo clock that has
    /// not swept past it (T4: time never goes back).
    fn offers_system_clock(&self) -> bool {
        self.demo && self.system_clock_from.is_none()
    }

    fn last_row(&self) -> usize {
        CLOCK_CHOICES.len() - usize::from(!self.offers_system_clock())
    }
}

impl Component for ClockMenu {
    fn buttons(&self) -> Vec<Button> {
        Vec::new()
    }

    fn handle(&mut self, action: Action) -> Outcome {
        let last = self.last_row();
        if menu_move(&mut self.index, last, action) || action != Action::Confirm {
            return Outcome::stay();
        }
        let effect = match CLOCK_CHOICES.get(self.index) {
            Some(ClockChoice {
                hours: Some(hours), ..
            }) => Effect::AdvanceClock {
                seconds: hours * 3_600,
            },
            Some(_) => Effect::ClockToNextEvent,
            None if self.offers_system_clock() => Effect::UnsetClock,
            None => return Outcome::stay(),
        };
        Outcome::close(vec![effect])
    }

    fn focus_button(&mut self, _button: usize) {}

    fn press(&mut self) -> Outcome {
        self.handle(Action::Confirm)
    }

    fn pick(&mut self, item: usize) {
        self.index = item;
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let mut items: Vec<(String, bool)> = CLOCK_CHOICES
            .iter()
            .map(|c| (crate::tr!("clock-advance", by = crate::tr!(c.label)), true))
            .collect();
        if self.demo {
            // Going back is offered only when it can be done; else the row
            // says until when it cannot (T4, issue 18, item 5).
            match self.system_clock_from {
                Some(until) => items.push((
                    crate::tr!("clock-unset-not-yet", until = long_date(scene.zone, until)),
                    false,
                )),
                None => items.push((crate::tr!("clock-unset"), true)),
            }
        }
        let title = crate::tr!("picker-clock");
        draw_menu(frame, scene.theme, (&title, &items), self.index, hits);
    }
}
