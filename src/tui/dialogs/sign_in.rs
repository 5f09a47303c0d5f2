//! Signing in at a real network by a device code (RFC 8628, issue 20): the
//! page and the code, the same page as a QR code for a phone, and how long
//! the code lasts. Esc stops the sign-in; nothing is connected until the
//! network says who signed in.

use ratatui::Frame;
use ratatui::text::Line;

use super::kit::{Button, Component, Content, Outcome, Scene, frame_dialog};
use crate::lifecycle::Network;
use crate::present::escape_control;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct SignInDialog {
    pub network: Network,
    /// `None` while the network is asked for a code.
    pub code: Option<DeviceCodeView>,
}

/// The code as the dialog shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceCodeView {
    pub user_code: String,
    pub url: String,
    /// The page with the code in it: what the QR code holds.
    pub complete: Option<String>,
    pub expires_at: std::time::Instant,
}

impl SignInDialog {
    pub fn new(network: Network) -> SignInDialog {
        SignInDialog {
            network,
            code: None,
        }
    }
}

/// A QR code as text, two modules a character (Unicode half blocks).
pub fn qr_lines(text: &str) -> Vec<String> {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::unicode::Dense1x2>()
            .quiet_zone(true)
            .build()
            .lines()
            .map(str::to_string)
            .collect(),
        Err(_) => Vec::new(),
    }
}

impl Component for SignInDialog {
    fn buttons(&self) -> Vec<Button> {
        vec![(crate::tr!("button-cancel"), true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => self.press(),
            _ => Outcome::stay(),
        }
    }

    fn focus_button(&mut self, _button: usize) {}

    fn press(&mut self) -> Outcome {
        Outcome::close(vec![Effect::CancelSignIn])
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let mut lines = Vec::new();
        match &self.code {
            None => lines.push(Line::styled(
                crate::tr!("signin-asking", network = self.network.label()),
                theme.muted,
            )),
            Some(code) => {
                let minutes = code
                    .expires_at
                    .saturating_duration_since(std::time::Instant::now())
                    .as_secs()
                    .div_ceil(60);
                // No code: a browser sign-in, which comes back here.
                if code.user_code.is_empty() {
                    lines.push(Line::from(crate::tr!("signin-open-browser")));
                    lines.push(Line::styled(
                        escape_control(&code.url).into_owned(),
                        theme.accent,
                    ));
                    lines.push(Line::styled(
                        crate::tr!("signin-browser-waits", minutes = minutes),
                        theme.muted,
                    ));
                } else {
                    lines.push(Line::from(crate::tr!(
                        "signin-open",
                        url = escape_control(&code.url).into_owned()
                    )));
                    lines.push(Line::styled(
                        crate::tr!(
                            "signin-code",
                            code = escape_control(&code.user_code).into_owned()
                        ),
                        theme.accent,
                    ));
                    lines.push(Line::styled(
                        crate::tr!("signin-expires", minutes = minutes),
                        theme.muted,
                    ));
                }
                // The QR code, when the screen has room for it.
                let qr = qr_lines(code.complete.as_deref().unwrap_or(&code.url));
                let room = frame.area().height.saturating_sub(14) as usize;
                if !qr.is_empty() && qr.len() <= room {
                    lines.push(Line::from(""));
                    for row in qr {
                        lines.push(Line::from(format!("  {row}")));
                    }
                } else {
                    lines.push(Line::styled(crate::tr!("signin-no-room-qr"), theme.muted));
                }
            }
        }
        let buttons = self.buttons();
        frame_dialog(
            frame,
            theme,
            Content {
                title: &crate::tr!("signin-title", network = self.network.label()),
                lines,
                extra_height: 0,
                buttons: &buttons,
                focused: Some(0),
                danger: false,
            },
            hits,
        );
    }
}
