//! The portal as the TUI holds it: reads that never wait for the write
//! lock, commands that wait a second at most, and the catch-up sweep.

use crate::error::Result;
use crate::lifecycle::Instant;
use crate::store::{Portal, Session};

/// The portal as the TUI holds it: the connection, who acts, and the clock
/// it runs on.
pub struct Backend {
    pub portal: Portal,
    pub actor: String,
    /// `--now`, until the clock is moved from the TUI.
    pub now_flag: Option<Instant>,
    data_version: i64,
    /// A long clock move running on a worker.
    pub work: Option<crate::tui::worker::ClockMove>,
    /// A sign-in at a real network running on a worker.
    pub sign_in: Option<crate::tui::signin::SignIn>,
    /// The networks registered as OAuth clients (the config file's, read
    /// when the TUI starts); the others are simulated.
    pub networks: Vec<crate::oauth::Client>,
    /// Where the vault's key is (the data directory).
    pub data_dir: Option<std::path::PathBuf>,
    /// Withdrawals of ended grants under way.
    withdrawals: Vec<std::sync::mpsc::Receiver<Vec<String>>>,
}

/// How long a screen's catch-up sweep waits for the write lock: a key must
/// be answered within a frame or two, so it does not wait.
const SWEEP_WAIT: std::time::Duration = std::time::Duration::from_millis(20);
/// How long an action (a confirmed dialog) waits for the write lock.
const ACTION_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

impl Backend {
    pub fn new(portal: Portal, actor: String, now_flag: Option<Instant>) -> Backend {
        let _ = portal.set_busy_timeout(ACTION_WAIT);
        Backend {
            portal,
            actor,
            now_flag,
            data_version: 0,
            work: None,
            sign_in: None,
            networks: Vec::new(),
            data_dir: crate::files::data_dir().ok(),
            withdrawals: Vec::new(),
        }
    }

    /// A command that writes (an action, a refusal to audit): it waits for
    /// another process's write lock at most `ACTION_WAIT`.
    pub fn run<T>(&mut self, command: impl FnOnce(&mut Session<'_>) -> Result<T>) -> Result<T> {
        let actor = self.actor.clone();
        let (value, ended) = self.portal.run(self.now_flag, Some(&actor), |s| {
            let value = command(s)?;
            Ok((value, std::mem::take(&mut s.ended_grants)))
        })?;
        self.withdraw(ended);
        Ok(value)
    }

    /// Grants a committed change ended, withdrawn at their networks on a
    /// thread of their own (the screen never waits on a network); what
    /// could not be comes back as warnings (`withdrawal_warnings`).
    fn withdraw(
        &mut self,
        ended: Vec<(crate::store::grants::StoredGrant, crate::lifecycle::Network)>,
    ) {
        if ended.is_empty() {
            return;
        }
        let clients = self.networks.clone();
        let dir = self.data_dir.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let vault =
                dir.and_then(|d| crate::oauth::vault::Vault::open(&d, false).ok().flatten());
            let _ = tx.send(crate::keeper::withdraw(&ended, &clients, vault.as_ref()));
        });
        self.withdrawals.push(rx);
    }

    /// The warnings of finished withdrawals.
    pub fn withdrawal_warnings(&mut self) -> Vec<String> {
        let mut warnings = Vec::new();
        self.withdrawals.retain(|rx| match rx.try_recv() {
            Ok(found) => {
                warnings.extend(found);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        warnings
    }

    /// A read for the screen: never waits for the write lock (issue 7).
    pub fn read<T>(&mut self, command: impl FnOnce(&mut Session<'_>) -> Result<T>) -> Result<T> {
        let actor = self.actor.clone();
        self.portal.read(self.now_flag, Some(&actor), command)
    }

    /// Brings the portal up to now (R12) if the write lock can be had at
    /// once; false while another process holds it (the screen says so and
    /// tries again on the next tick).
    pub fn catch_up(&mut self) -> Result<bool> {
        self.portal.set_busy_timeout(SWEEP_WAIT)?;
        let swept = self.portal.run(self.now_flag, None, |_| Ok(()));
        self.portal.set_busy_timeout(ACTION_WAIT)?;
        match swept {
            Ok(()) => Ok(true),
            Err(e) if e.code() == "busy" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether another process changed the portal since we last looked
    /// (`PRAGMA data_version`).
    pub fn changed_elsewhere(&mut self) -> bool {
        let version = self.portal.data_version().unwrap_or(self.data_version);
        let changed = version != self.data_version;
        self.data_version = version;
        changed
    }
}
