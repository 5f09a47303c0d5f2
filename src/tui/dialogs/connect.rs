//! Connect account: pick a network, then an account picker with checkboxes
//! and a field to add a handle. Accounts of that network hidden by R8 are
//! listed ticked and greyed, and cannot be unticked; Continue connects or
//! reconnects every ticked one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use super::kit::{Button, Component, Content, Outcome, Scene, draw_field, frame_dialog};
use crate::lifecycle::handle::HANDLE_MAX;
use crate::lifecycle::{Instant, Network};
use crate::present::{escape_control, relative};
use crate::store::AccountRecord;
use crate::store::actions::NAME_MAX;
use crate::tui::action::Action;
use crate::tui::effect::{ConnectChoice, Effect, Seen};
use crate::tui::hits::Hits;

/// A checkbox row of the account picker.
#[derive(Clone, Debug)]
pub struct ConnectEntry {
    pub handle: String,
    /// The display name typed for a new account (else its handle).
    pub name: Option<String>,
    /// A known account of this network that a reconnect brings back.
    pub known: Option<AccountRecord>,
    /// R8: hidden from the list: selected, greyed, and cannot be unticked.
    pub locked: bool,
    pub checked: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectFocus {
    List,
    Input,
    Name,
    Continue,
    Cancel,
}

const ORDER: [ConnectFocus; 5] = [
    ConnectFocus::List,
    ConnectFocus::Input,
    ConnectFocus::Name,
    ConnectFocus::Continue,
    ConnectFocus::Cancel,
];

// One dialog is open at a time: the size of a variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Connect {
    PickNetwork {
        index: usize,
        /// The networks registered as OAuth clients (issue 20): a real
        /// sign-in; the others are simulated.
        real: Vec<Network>,
    },
    PickAccounts {
        network: Network,
        entries: Vec<ConnectEntry>,
        row: usize,
        input: Input,
        /// The display name of the handle being added (optional).
        name: Input,
        focus: ConnectFocus,
        /// Why the typed handle was not added, shown as typed.
        notice: Option<String>,
    },
}

impl Connect {
    pub fn new() -> Connect {
        Connect::PickNetwork {
            index: 0,
            real: Vec::new(),
        }
    }

    /// The network picker, knowing which networks sign in for real.
    pub fn with_real(real: Vec<Network>) -> Connect {
        Connect::PickNetwork { index: 0, real }
    }

    /// The account picker for `network`: every account a reconnect can
    /// bring back, the hidden ones (R8) ticked and locked.
    pub fn accounts(network: Network, known: Vec<AccountRecord>, now: Instant) -> Connect {
        let entries: Vec<ConnectEntry> = known
            .into_iter()
            .map(|record| {
                let locked = record.account.is_hidden(now);
                ConnectEntry {
                    handle: record.account.handle.clone(),
                    name: None,
                    known: Some(record),
                    locked,
                    checked: locked,
                }
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
            name: Input::default(),
            focus,
            notice: None,
        }
    }

    /// The typed handle, checked by the store: a new account, a known one to
    /// reconnect, or why it cannot be added.
    pub fn settle_handle(&mut self, checked: Result<ConnectEntry, String>) {
        let Connect::PickAccounts {
            entries,
            row,
            input,
            name,
            notice,
            focus,
            ..
        } = self
        else {
            return;
        };
        match checked {
            Err(why) => *notice = Some(why),
            Ok(entry) => {
                match entries
                    .iter()
                    .position(|e| e.handle.eq_ignore_ascii_case(&entry.handle))
                {
                    Some(i) => {
                        entries[i].checked = true;
                        *row = i;
                    }
                    None => {
                        entries.push(entry);
                        *row = entries.len() - 1;
                    }
                }
                *notice = None;
                input.reset();
                name.reset();
                *focus = ConnectFocus::Input;
            }
        }
    }

    /// Picks a network and goes on (tours).
    pub fn choose_network(&mut self, network: Network) -> Result<Outcome, String> {
        match self {
            Connect::PickNetwork { index, .. } => {
                *index = Network::all().position(|n| n == network).unwrap_or(0);
                Ok(self.press())
            }
            _ => Err(crate::tr!("tour-error-no-network-step")),
        }
    }
}

impl Default for Connect {
    fn default() -> Self {
        Connect::new()
    }
}

/// Asks the store about the typed handle (Enter in the handle or name
/// field): checked as typed, never only on Continue.
fn check_handle(
    network: Network,
    input: &Input,
    name: &Input,
    notice: &mut Option<String>,
) -> Vec<Effect> {
    // Lifecycle decides what a handle is; the store's words say why not.
    match crate::lifecycle::handle::normalize(input.value()) {
        Err(problem) => {
            *notice = Some(crate::store::actions::handle_problem(
                &problem,
                input.value(),
            ));
            vec![]
        }
        Ok(handle) => vec![Effect::CheckHandle {
            network,
            handle,
            name: Some(name.value().trim().to_string()).filter(|n| !n.is_empty()),
        }],
    }
}

fn toggle(entries: &mut [ConnectEntry], row: usize) {
    // R8: hidden accounts stay selected.
    if let Some(entry) = entries.get_mut(row).filter(|e| !e.locked) {
        entry.checked = !entry.checked;
    }
}

impl Component for Connect {
    fn buttons(&self) -> Vec<Button> {
        match self {
            Connect::PickNetwork { .. } => vec![
                (crate::tr!("button-next"), true),
                (crate::tr!("button-cancel"), true),
            ],
            Connect::PickAccounts { entries, .. } => vec![
                (
                    crate::tr!("button-continue"),
                    entries.iter().any(|e| e.checked),
                ),
                (crate::tr!("button-cancel"), true),
            ],
        }
    }

    fn handle(&mut self, action: Action) -> Outcome {
        use Action::{Confirm, Down, Left, NextFocus, PrevFocus, Right, Toggle, Up};
        match self {
            Connect::PickNetwork { index, .. } => match action {
                Up => *index = index.saturating_sub(1),
                Down => *index = (*index + 1).min(Network::all().count() - 1),
                Confirm | Right => return self.press(),
                _ => {}
            },
            Connect::PickAccounts {
                network,
                entries,
                row,
                input,
                name,
                focus,
                notice,
            } => {
                let at = ORDER.iter().position(|f| f == focus).unwrap_or(0);
                match action {
                    NextFocus => *focus = ORDER[(at + 1) % ORDER.len()],
                    PrevFocus => *focus = ORDER[(at + ORDER.len() - 1) % ORDER.len()],
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
                    Confirm if matches!(focus, ConnectFocus::Input | ConnectFocus::Name) => {
                        return Outcome::run(check_handle(*network, input, name, notice));
                    }
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
            Connect::PickNetwork { index, .. } => {
                let network = Network::all().nth(*index).unwrap_or(Network::Facebook);
                Outcome::run(vec![Effect::LoadConnectNetwork(network)])
            }
            Connect::PickAccounts {
                network,
                entries,
                focus: ConnectFocus::Continue,
                ..
            } => {
                // A known account is reconnected only as the dialog showed it.
                let handles: Vec<ConnectChoice> = entries
                    .iter()
                    .filter(|e| e.checked)
                    .map(|e| ConnectChoice {
                        handle: e.handle.clone(),
                        name: e.name.clone(),
                        seen: e.known.as_ref().map(Seen::of),
                    })
                    .collect();
                if handles.is_empty() {
                    return Outcome::stay();
                }
                Outcome::close(vec![Effect::ConnectAll(*network, handles)])
            }
            Connect::PickAccounts { .. } => Outcome::close(vec![]),
        }
    }

    fn typing(&self) -> bool {
        matches!(
            self,
            Connect::PickAccounts {
                focus: ConnectFocus::Input | ConnectFocus::Name,
                ..
            }
        )
    }

    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        match self {
            Connect::PickAccounts {
                input,
                focus: ConnectFocus::Input,
                ..
            } => Some((input, HANDLE_MAX)),
            Connect::PickAccounts {
                name,
                focus: ConnectFocus::Name,
                ..
            } => Some((name, NAME_MAX)),
            _ => None,
        }
    }

    fn pick(&mut self, item: usize) {
        match self {
            Connect::PickNetwork { index, .. } => *index = item,
            Connect::PickAccounts { row, focus, .. } => {
                *row = item;
                *focus = ConnectFocus::List;
            }
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        let theme = scene.theme;
        let buttons = self.buttons();
        match self {
            Connect::PickNetwork { index, real } => {
                draw_networks(frame, scene, (*index, real), &buttons, hits)
            }
            Connect::PickAccounts {
                network,
                entries,
                row,
                input,
                name,
                focus,
                notice,
            } => {
                let now = scene.now;
                let mut lines = vec![
                    Line::from(crate::tr!("connect-accounts-of", network = network.label())),
                    Line::styled(crate::tr!("connect-explain"), theme.muted),
                    Line::from(""),
                ];
                let first_item = lines.len();
                if entries.is_empty() {
                    lines.push(Line::styled(
                        format!("  {}", crate::tr!("connect-none-yet")),
                        theme.muted,
                    ));
                }
                for (i, entry) in entries.iter().enumerate() {
                    let mark = if entry.checked { "[x]" } else { "[ ]" };
                    let note = match &entry.known {
                        Some(record) => {
                            let d = record.account.disconnection().map(|d| d.at).unwrap_or(now);
                            format!(
                                " · {}",
                                crate::tr!("connect-entry-reconnects", since = relative(d, now))
                            )
                        }
                        None => match &entry.name {
                            Some(n) => format!(
                                " · {}",
                                crate::tr!("connect-entry-new-named", name = escape_control(n))
                            ),
                            None => format!(" · {}", crate::tr!("connect-entry-new")),
                        },
                    };
                    let selected = *focus == ConnectFocus::List && i == *row;
                    let style = match (selected, entry.locked) {
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
                    scene.theme,
                    Content {
                        title: &crate::tr!("connect-account"),
                        lines,
                        extra_height: 4,
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
                // The two labels padded alike, so the fields line up.
                let (handle_label, name_label) = (
                    crate::tr!("connect-add-handle"),
                    crate::tr!("connect-its-name"),
                );
                let label_width =
                    crate::present::width(&handle_label).max(crate::present::width(&name_label));
                let padded =
                    |label: &str| format!(" {} ", crate::present::column(label, label_width));
                draw_field(
                    frame,
                    scene.theme,
                    Rect::new(body.x, body.y + 1, body.width, 1),
                    &padded(&handle_label),
                    input,
                    *focus == ConnectFocus::Input,
                );
                draw_field(
                    frame,
                    scene.theme,
                    Rect::new(body.x, body.y + 2, body.width, 1),
                    &padded(&name_label),
                    name,
                    *focus == ConnectFocus::Name,
                );
                if let Some(why) = notice {
                    frame.render_widget(
                        ratatui::widgets::Paragraph::new(Line::styled(
                            crate::present::truncate(
                                &format!(" ✗ {}", escape_control(why)),
                                body.width as usize,
                            ),
                            theme.warning,
                        )),
                        Rect::new(body.x, body.y + 3, body.width, 1),
                    );
                }
            }
        }
    }
}

/// The first step: which network.
fn draw_networks(
    frame: &mut Frame<'_>,
    scene: &Scene<'_>,
    (index, real): (usize, &[Network]),
    buttons: &[Button],
    hits: &mut Hits,
) {
    let theme = scene.theme;
    // Which networks are simulated here, said once (issue 20).
    let simulated: Vec<&str> = Network::all()
        .filter(|n| !real.contains(n))
        .map(|n| n.label())
        .collect();
    let note = if simulated.len() == Network::all().count() {
        crate::tr!("connect-all-simulated")
    } else if simulated.is_empty() {
        crate::tr!("connect-all-real")
    } else {
        crate::tr!("connect-some-simulated", networks = simulated.join(", "))
    };
    let mut lines = vec![
        Line::from(crate::tr!("connect-which-network")),
        Line::styled(note, theme.muted),
        Line::from(""),
    ];
    let first_item = lines.len();
    for (i, network) in Network::all().enumerate() {
        let style = if i == index {
            theme.hovered
        } else {
            theme.text
        };
        lines.push(Line::styled(format!(" {} ", network.label()), style));
    }
    let count = lines.len() - first_item;
    let body = frame_dialog(
        frame,
        scene.theme,
        Content {
            title: &crate::tr!("connect-account"),
            lines,
            extra_height: 0,
            buttons,
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
