//! Your time zone (issue 21): the zone the acting user reads every time
//! in. An IANA name is typed, checked as it is typed (with the clock it
//! would show, or the near miss it probably meant); empty means the
//! portal's zone. Tab completes the first zone that starts with the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::Input;

use super::kit::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::lifecycle::Instant;
use crate::present::escape_control;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

/// The longest name the field takes (the tz database's longest is 32).
const NAME_MAX: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneFocus {
    Field,
    Save,
    Cancel,
}

#[derive(Clone, Debug)]
pub struct TimeZone {
    pub field: Input,
    pub focus: ZoneFocus,
    /// The portal's zone, what an empty field means.
    pub portal_zone: String,
    /// The portal's clock, to show what the typed zone reads.
    pub now: Instant,
}

impl TimeZone {
    pub fn new(own: Option<String>, portal_zone: String, now: Instant) -> TimeZone {
        TimeZone {
            field: Input::new(own.unwrap_or_default()),
            focus: ZoneFocus::Field,
            portal_zone,
            now,
        }
    }

    /// The typed zone: Ok(None) for the portal's, Err with what is wrong.
    fn typed(&self) -> Result<Option<crate::zone::Tz>, String> {
        let text = self.field.value().trim();
        if text.is_empty() {
            return Ok(None);
        }
        crate::zone::parse(text).map(Some).map_err(|e| match e {
            crate::zone::ZoneError::DidYouMean(like) => crate::tr!(
                "error-bad-timezone-like",
                value = escape_control(text),
                like = like
            ),
            crate::zone::ZoneError::Unknown => {
                crate::tr!("error-bad-timezone", value = escape_control(text))
            }
        })
    }

    /// Tab in the field: the first zone whose name starts with the text.
    fn complete(&mut self) -> bool {
        match crate::zone::complete(self.field.value()) {
            Some(name) => {
                self.field = Input::new(name.to_string());
                true
            }
            None => false,
        }
    }

    fn save(&self) -> Outcome {
        match self.typed() {
            Ok(zone) => Outcome::close(vec![Effect::SetTimeZone(
                zone.map(|z| z.name().to_string()),
            )]),
            Err(_) => Outcome::stay(),
        }
    }
}

impl Component for TimeZone {
    fn buttons(&self) -> Vec<Button> {
        vec![
            (crate::tr!("button-save"), self.typed().is_ok()),
            (crate::tr!("button-cancel"), true),
        ]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::*;
        match (action, self.focus) {
            (NextFocus, ZoneFocus::Field) if self.complete() => {}
            (NextFocus | Down, ZoneFocus::Field) => self.focus = ZoneFocus::Save,
            (NextFocus | Down | Right, ZoneFocus::Save) => self.focus = ZoneFocus::Cancel,
            (NextFocus | Down, ZoneFocus::Cancel) => self.focus = ZoneFocus::Field,
            (PrevFocus | Up, ZoneFocus::Field) => self.focus = ZoneFocus::Cancel,
            (PrevFocus | Up, ZoneFocus::Save) => self.focus = ZoneFocus::Field,
            (PrevFocus | Up | Left, ZoneFocus::Cancel) => self.focus = ZoneFocus::Save,
            (Confirm, _) => return self.press(),
            _ => {}
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        self.focus = if button == 0 {
            ZoneFocus::Save
        } else {
            ZoneFocus::Cancel
        };
    }

    fn press(&mut self) -> Outcome {
        match self.focus {
            ZoneFocus::Field | ZoneFocus::Save => self.save(),
            ZoneFocus::Cancel => Outcome::close(vec![]),
        }
    }

    fn typing(&self) -> bool {
        self.focus == ZoneFocus::Field
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        (self.focus == ZoneFocus::Field).then_some((&mut self.field, NAME_MAX))
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let verdict = match self.typed() {
            Ok(zone) => {
                let (zone, name) = match zone {
                    Some(zone) => (zone, zone.name().to_string()),
                    None => (
                        crate::zone::parse(&self.portal_zone).unwrap_or(crate::zone::Tz::UTC),
                        crate::tr!("zone-portal", zone = self.portal_zone.clone()),
                    ),
                };
                let local = self.now.with_timezone(&zone);
                Line::from(Span::styled(
                    crate::tr!(
                        "zone-reads",
                        zone = name,
                        clock = local.format("%H:%M %Z").to_string()
                    ),
                    theme.muted,
                ))
            }
            Err(problem) => Line::from(Span::styled(problem, theme.danger)),
        };
        let focused = match self.focus {
            ZoneFocus::Save => Some(0),
            ZoneFocus::Cancel => Some(1),
            ZoneFocus::Field => None,
        };
        let field = frame_dialog(
            frame,
            theme,
            Content {
                title: &crate::tr!("zone-title"),
                lines: vec![Line::from(crate::tr!("zone-intro")), Line::from("")],
                extra_height: 4,
                buttons: &self.buttons(),
                focused,
                danger: false,
            },
            hits,
        );
        draw_field(
            frame,
            theme,
            Rect::new(field.x, field.y, field.width, 1),
            &crate::tr!("zone-field"),
            &self.field,
            self.focus == ZoneFocus::Field,
        );
        frame.render_widget(
            ratatui::widgets::Paragraph::new(verdict).wrap(ratatui::widgets::Wrap { trim: true }),
            Rect::new(field.x, field.y + 1, field.width, 2),
        );
    }
}
