//! Connect account: pick a network, then an account picker with checkboxes
//! and a field to add a handle. Accounts of that network hidden by R8 are
//! listed ticked and greyed, and cannot be unticked; Continue connects or
//! reconnects every ticked one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use super::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::lifecycle::Network;
use crate::present::{escape_control, relative};
use crate::store::AccountRecord;
use crate::store::actions::HANDLE_MAX;
use crate::tui::action::Action;
use crate::tui::app::{Effect, Hits, Seen};

/// A checkbox row of the account picker.
#[derive(Clone, Debug)]
pub struct ConnectEntry {
    pub handle: String,
    /// R8: a hidden account of this network: selected, greyed, locked.
    pub hidden: Option<AccountRecord>,
    pub checked: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectFocus {
    List,
    Input,
    Continue,
    Cancel,
}

const ORDER: [ConnectFocus; 4] = [
    ConnectFocus::List,
    ConnectFocus::Input,
    ConnectFocus::Continue,
    ConnectFocus::Cancel,
];

#[derive(Clone, Debug)]
pub enum Connect {
    PickNetwork {
        index: usize,
    },
    PickAccounts {
        network: Network,
        entries: Vec<ConnectEntry>,
        row: usize,
        input: Input,
        focus: ConnectFocus,
    },
}

impl Connect {
    pub fn new() -> Connect {
        Connect::PickNetwork { index: 0 }
    }

    /// The account picker for `network`, its hidden accounts ticked (R8).
    pub fn accounts(network: Network, hidden: Vec<AccountRecord>) -> Connect {
        let entries: Vec<ConnectEntry> = hidden
            .into_iter()
            .map(|record| ConnectEntry {
                handle: record.account.handle.clone(),
                hidden: Some(record),
                checked: true,
            })
            .collect();
        let focus = if entries.is_empty() {
            ConnectFocus::Input
        } else {
            ConnectFocus::List
        };
        Connect::PickAccounts {
            network,
            entries,
            row: 0,
            input: Input::default(),
            focus,
        }
    }

    /// Picks a network and goes on (tours).
    pub fn choose_network(&mut self, network: Network) -> Result<Outcome, String> {
        match self {
            Connect::PickNetwork { index } => {
                *index = Network::all().position(|n| n == network).unwrap_or(0);
                Ok(self.press())
            }
            _ => Err("the Connect account dialog is not asking for a network".into()),
        }
    }
}

impl Default for Connect {
    fn default() -> Self {
        Connect::new()
    }
}

/// Adds the typed handle as a new ticked row (or ticks the row it names).
fn add_handle(entries: &mut Vec<ConnectEntry>, row: &mut usize, input: &mut Input) {
    let handle = input.value().trim().trim_start_matches('@').to_string();
    if handle.is_empty() {
        return;
    }
    match entries
        .iter()
        .position(|e| e.handle.eq_ignore_ascii_case(&handle))
    {
        Some(i) => {
            entries[i].checked = true;
            *row = i;
        }
        None => {
            entries.push(ConnectEntry {
                handle,
                hidden: None,
                checked: true,
            });
            *row = entries.len() - 1;
        }
    }
    input.reset();
}

fn toggle(entries: &mut [ConnectEntry], row: usize) {
    // R8: hidden accounts stay selected.
    if let Some(entry) = entries.get_mut(row).filter(|e| e.hidden.is_none()) {
        entry.checked = !entry.checked;
    }
}

impl Component for Connect {
    fn buttons(&self) -> Vec<Button> {
        match self {
            Connect::PickNetwork { .. } => vec![("Next", true), ("Cancel", true)],
            Connect::PickAccounts { entries, .. } => vec![
                ("Continue", entries.iter().any(|e| e.checked)),
                ("Cancel", true),
            ],
        }
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::{Confirm, Down, Left, NextFocus, PrevFocus, Right, Toggle, Up};
        match self {
            Connect::PickNetwork { index } => match action {
                Up => *index = index.saturating_sub(1),
                Down => *index = (*index + 1).min(Network::all().count() - 1),
                Confirm | Right => return self.press(),
                _ => {}
            },
            Connect::PickAccounts {
                entries,
                row,
                input,
                focus,
                ..
            } => {
                let at = ORDER.iter().position(|f| f == focus).unwrap_or(0);
                match action {
                    NextFocus => *focus = ORDER[(at + 1) % 4],
                    PrevFocus => *focus = ORDER[(at + 3) % 4],
                    Left | Right
                        if matches!(focus, ConnectFocus::Continue | ConnectFocus::Cancel) =>
                    {
                        *focus = if *focus == ConnectFocus::Continue {
                            ConnectFocus::Cancel
                        } else {
                            ConnectFocus::Continue
                        };
                    }
                    Up if *focus == ConnectFocus::List => *row = row.saturating_sub(1),
                    Down if *focus == ConnectFocus::List => {
                        *row = (*row + 1).min(entries.len().saturating_sub(1))
                    }
                    Up | Down => *focus = ConnectFocus::List,
                    Toggle if *focus == ConnectFocus::List => toggle(entries, *row),
                    Confirm if *focus == ConnectFocus::Input => add_handle(entries, row, input),
                    Confirm if *focus == ConnectFocus::List => toggle(entries, *row),
                    Confirm => return self.press(),
                    _ => {}
                }
            }
        }
        Outcome::stay()
    }

    fn focus_button(&mut self, button: usize) {
        if let Connect::PickAccounts { focus, .. } = self {
            *focus = if button == 0 {
                ConnectFocus::Continue
            } else {
                ConnectFocus::Cancel
            }
        }
    }

    fn press(&mut self) -> Outcome {
        match self {
            Connect::PickNetwork { index } => {
                let network = Network::all().nth(*index).unwrap_or(Network::Facebook);
                Outcome::run(vec![Effect::LoadConnectNetwork(network)])
            }
            Connect::PickAccounts {
                network,
                entries,
                focus: ConnectFocus::Continue,
                ..
            } => {
                // A hidden account is reconnected only as the dialog showed it.
                let handles: Vec<(String, Option<Seen>)> = entries
                    .iter()
                    .filter(|e| e.checked)
                    .map(|e| (e.handle.clone(), e.hidden.as_ref().map(Seen::of)))
                    .collect();
                if handles.is_empty() {
                    return Outcome::stay();
                }
                Outcome::close(vec![Effect::ConnectAll(*network, handles)])
            }
            Connect::PickAccounts { .. } => Outcome::close(vec![]),
        }
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        match self {
            Connect::PickAccounts {
                input,
                focus: ConnectFocus::Input,
                ..
            } => Some((input, HANDLE_MAX)),
            _ => None,
        }
    }

    fn pick(&mut self, item: usize) {
        match self {
            Connect::PickNetwork { index } => *index = item,
            Connect::PickAccounts { row, focus, .. } => {
                *row = item;
                *focus = ConnectFocus::List;
            }
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = &scene.app.theme;
        let buttons = self.buttons();
        match self {
            Connect::PickNetwork { index } => {
                let mut lines = vec![Line::from("Which network? (↑↓ then ⏎)"), Line::from("")];
                let first_item = lines.len();
                for (i, network) in Network::all().enumerate() {
                    let style = if i == *index {
                        theme.hovered
                    } else {
                        theme.text
                    };
                    lines.push(Line::styled(format!(" {} ", network.label()), style));
                }
                let count = lines.len() - first_item;
                let body = frame_dialog(
                    frame,
                    scene.app,
                    Content {
                        title: "Connect account",
                        lines,
                        extra_height: 0,
                        buttons: &buttons,
                        focused: Some(0),
                        danger: false,
                    },
                    hits,
                );
                let top = body.y.saturating_sub((count + first_item) as u16) + first_item as u16;
                for i in 0..count {
                    hits.picker_items
                        .push((Rect::new(body.x, top + i as u16, body.width, 1), i));
                }
            }
            Connect::PickAccounts {
                network,
                entries,
                row,
                input,
                focus,
            } => {
                let now = scene.now;
                let mut lines = vec![
                    Line::from(format!("{} accounts to connect:", network.label())),
                    Line::styled(
                        "Accounts disconnected for over 90 days are listed ticked and greyed: Continue reconnects them.",
                        theme.muted,
                    ),
                    Line::from(""),
                ];
                let first_item = lines.len();
                if entries.is_empty() {
                    lines.push(Line::styled(
                        "  (none yet: type a handle below and press ⏎)",
                        theme.muted,
                    ));
                }
                for (i, entry) in entries.iter().enumerate() {
                    let mark = if entry.checked { "[x]" } else { "[ ]" };
                    let note = match &entry.hidden {
                        Some(record) => {
                            let d = record.account.disconnection().map(|d| d.at).unwrap_or(now);
                            format!(" · disconnected {} · reconnects", relative(d, now))
                        }
                        None => " · new".into(),
                    };
                    let selected = *focus == ConnectFocus::List && i == *row;
                    let style = match (selected, entry.hidden.is_some()) {
                        (true, _) => theme.hovered,
                        (false, true) => theme.muted,
                        (false, false) => theme.text,
                    };
                    lines.push(Line::styled(
                        format!(" {mark} @{}{note}", escape_control(&entry.handle)),
                        style,
                    ));
                }
                let count = entries.len();
                let focused = match focus {
                    ConnectFocus::Continue => Some(0),
                    ConnectFocus::Cancel => Some(1),
                    _ => None,
                };
                let body = frame_dialog(
                    frame,
                    scene.app,
                    Content {
                        title: "Connect account",
                        lines,
                        extra_height: 2,
                        buttons: &buttons,
                        focused,
                        danger: false,
                    },
                    hits,
                );
                let text_top = body.y.saturating_sub((first_item + count.max(1)) as u16);
                for i in 0..count {
                    let y = text_top + (first_item + i) as u16;
                    hits.picker_items
                        .push((Rect::new(body.x, y, body.width, 1), i));
                }
                draw_field(
                    frame,
                    scene.app,
                    Rect::new(body.x, body.y + 1, body.width, 1),
                    " Add a handle: ",
                    input,
                    *focus == ConnectFocus::Input,
                );
            }
        }
    }
}
