//! A sign-in at a real network off the UI thread (issue 20): the device
//! code is asked for, then the token endpoint polled at the network's pace,
//! then the account named, all on a worker; Esc stops it between polls.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::oauth::{Client, Grant, Identity};

/// What the worker says.
#[derive(Debug)]
pub enum Report {
    /// The code to enter, and where.
    Code {
        user_code: String,
        url: String,
        complete: Option<String>,
        expires_at: std::time::Instant,
    },
    Done(Box<(Grant, Identity)>),
    Failed(String),
}

/// A sign-in in progress.
pub struct SignIn {
    pub client: Client,
    /// The account a reconnect signs in for, as its dialog showed it.
    pub reconnect: Option<crate::tui::effect::Seen>,
    reports: Receiver<Report>,
    stop: Arc<AtomicBool>,
}

impl SignIn {
    pub fn start(client: Client, reconnect: Option<crate::tui::effect::Seen>) -> SignIn {
        let (tx, reports) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let lang = crate::i18n::current();
        let worker_client = client.clone();
        std::thread::spawn(move || {
            crate::i18n::set(lang);
            let client = worker_client;
            if client.device_authorization_url.is_none() {
                let _ = tx.send(browser(&client, &flag, &tx));
                return;
            }
            let code = match crate::oauth::start_device(&client) {
                Ok(code) => code,
                Err(e) => {
                    let _ = tx.send(Report::Failed(e.to_string()));
                    return;
                }
            };
            let _ = tx.send(Report::Code {
                user_code: code.user_code.clone(),
                url: code.verification_uri.clone(),
                complete: code.verification_uri_complete.clone(),
                expires_at: code.expires_at,
            });
            let stopped = || flag.load(Ordering::Relaxed);
            let report = crate::oauth::poll_device(&client, &code, &stopped)
                .and_then(|grant| crate::oauth::identity(&client, &grant).map(|id| (grant, id)))
                .map_or_else(
                    |e| Report::Failed(e.to_string()),
                    |done| Report::Done(Box::new(done)),
                );
            let _ = tx.send(report);
        });
        SignIn {
            client,
            reconnect,
            reports,
            stop,
        }
    }

    /// Stops polling (Esc): the worker ends at its next wait.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// What the worker said since the last call; `None` once it is gone.
    pub fn reports(&self) -> Option<Vec<Report>> {
        let mut all = Vec::new();
        loop {
            match self.reports.try_recv() {
                Ok(report) => all.push(report),
                Err(TryRecvError::Empty) => return Some(all),
                Err(TryRecvError::Disconnected) => {
                    return if all.is_empty() { None } else { Some(all) };
                }
            }
        }
    }
}

/// How long a browser sign-in waits for the network's redirect.
const BROWSER_WAIT: std::time::Duration = std::time::Duration::from_secs(300);

/// The browser sign-in (PKCE, a loopback redirect): the page goes to the
/// dialog (and the desktop's browser), then the redirect is awaited.
fn browser(client: &Client, stop: &AtomicBool, tx: &std::sync::mpsc::Sender<Report>) -> Report {
    let sign_in = match crate::oauth::browser::start(client) {
        Ok(sign_in) => sign_in,
        Err(e) => return Report::Failed(e.to_string()),
    };
    let _ = tx.send(Report::Code {
        user_code: String::new(),
        url: sign_in.url.clone(),
        complete: None,
        expires_at: std::time::Instant::now() + BROWSER_WAIT,
    });
    crate::oauth::browser::open_in_desktop(&sign_in.url);
    let stopped = || stop.load(Ordering::Relaxed);
    sign_in
        .finish(client, BROWSER_WAIT, &stopped)
        .and_then(|grant| crate::oauth::identity(client, &grant).map(|id| (grant, id)))
        .map_or_else(
            |e| Report::Failed(e.to_string()),
            |done| Report::Done(Box::new(done)),
        )
}
