//! The grant keeper of `watch` (issue 20): it keeps grants alive and
//! notices revoked ones. Before an access token expires it is refreshed
//! (RFC 6749 §6; a refresh is not a reauthorization: the rules' deadlines do
//! not move); otherwise, at most every `check_every` of the network, the
//! token is introspected (RFC 7662). A refresh answered `invalid_grant`, or
//! `active: false`, is the network's security disconnect (R4), applied and
//! audited like any other, without anyone typing it. One check at a time,
//! on a thread of its own: the network never holds the watch's loop nor the
//! portal's write lock.

use std::thread::JoinHandle;

use crate::error::Result;
use crate::lifecycle::AccountId;
use crate::lifecycle::account::NetworkReport;
use crate::oauth::vault::Vault;
use crate::oauth::{Client, Grant, Secret};
use crate::store::{Portal, actions, grants};

/// What a check found.
enum Found {
    Renewed(Grant),
    Holds,
    Revoked,
    /// The network could not say (down, slow): asked again next time.
    Unknown(String),
}

struct Check {
    account: AccountId,
    thread: JoinHandle<Found>,
}

/// What the keeper did with one grant, for the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    Renewed(AccountId),
    Holds(AccountId),
    /// R4: the network revoked it; the account is disconnected (security).
    Revoked(AccountId),
    Unknown(AccountId, String),
    Unreadable(AccountId),
}

pub struct Keeper {
    pub clients: Vec<Client>,
    vault: Option<Vault>,
    in_flight: Option<Check>,
}

/// Seconds of the system clock.
fn now_secs() -> i64 {
    crate::clock::system_clock().instant.timestamp()
}

impl Keeper {
    pub fn new(clients: Vec<Client>, vault: Option<Vault>) -> Keeper {
        Keeper {
            clients,
            vault,
            in_flight: None,
        }
    }

    /// Takes a finished check, or starts the next due one. Returns what was
    /// done, and when (ms) the next check is due when none is in hand.
    pub fn step(&mut self, portal: &mut Portal) -> Result<(Option<Kept>, Option<i64>)> {
        if let Some(check) = &self.in_flight {
            if !check.thread.is_finished() {
                return Ok((None, None));
            }
            let check = self.in_flight.take().expect("a check in hand");
            let account = check.account;
            let found = check
                .thread
                .join()
                .unwrap_or_else(|_| Found::Unknown("the check ended abruptly".into()));
            return self
                .apply(portal, account, found)
                .map(|kept| (Some(kept), None));
        }
        if self.clients.is_empty() {
            return Ok((None, None));
        }
        let Some(vault) = &self.vault else {
            return Ok((None, None));
        };
        let now = now_secs();
        let candidates = portal.read(None, None, |s| grants::oldest_checked(s.conn(), 50))?;
        let mut next_due = None;
        for (grant, network) in candidates {
            let Some(client) = self.clients.iter().find(|c| c.network == network) else {
                continue;
            };
            let checked = grant.checked_at.unwrap_or(0);
            let every = client.check_every.as_secs() as i64;
            // Refresh ahead of the expiry: a minute, or half the token's
            // life when it is shorter.
            let refresh_at = grant.access_expires_at.map(|expires| {
                let margin = ((expires - checked) / 2).clamp(0, 60);
                expires - margin
            });
            let due = [Some(checked + every), refresh_at]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(checked + every)
                .max(checked + 1);
            if due > now {
                next_due = Some(next_due.map_or(due, |n: i64| n.min(due)));
                continue;
            }
            let account = grant.account_id;
            let access = vault.open_sealed(&grant.sealed_access, account);
            let refresh = grant
                .sealed_refresh
                .as_deref()
                .and_then(|sealed| vault.open_sealed(sealed, account));
            let Some(access) = access else {
                portal.run(None, None, |s| grants::checked(s.conn(), account, now))?;
                return Ok((Some(Kept::Unreadable(account)), None));
            };
            let refreshing = refresh_at.is_some_and(|at| at <= now) && refresh.is_some();
            let client = client.clone();
            let thread =
                std::thread::spawn(move || check(&client, access, refresh.filter(|_| refreshing)));
            self.in_flight = Some(Check { account, thread });
            return Ok((None, None));
        }
        Ok((None, next_due.map(|secs| secs * 1000)))
    }

    fn apply(&self, portal: &mut Portal, account: AccountId, found: Found) -> Result<Kept> {
        let now = now_secs();
        match found {
            Found::Renewed(grant) => {
                let Some(vault) = &self.vault else {
                    return Ok(Kept::Unreadable(account));
                };
                let access = vault.seal(&grant.access_token, account)?;
                let refresh = grant
                    .refresh_token
                    .as_ref()
                    .map(|t| vault.seal(t, account))
                    .transpose()?;
                let expires = grant.expires_in.map(|d| now + d.as_secs() as i64);
                portal.run(None, None, |s| {
                    grants::renew(
                        s.conn(),
                        account,
                        (&access, refresh.as_deref()),
                        expires,
                        now,
                    )
                })?;
                Ok(Kept::Renewed(account))
            }
            Found::Holds => {
                portal.run(None, None, |s| grants::checked(s.conn(), account, now))?;
                Ok(Kept::Holds(account))
            }
            Found::Unknown(why) => {
                portal.run(None, None, |s| grants::checked(s.conn(), account, now))?;
                Ok(Kept::Unknown(account, why))
            }
            // R4: the network's security disconnect.
            Found::Revoked => {
                portal.run(None, None, |s| {
                    grants::take(s.conn(), account)?;
                    actions::network_event(s, account, NetworkReport::Security)
                })?;
                Ok(Kept::Revoked(account))
            }
        }
    }
}

/// On its own thread: refresh (when due), else introspect.
fn check(client: &Client, access: Secret, refresh: Option<Secret>) -> Found {
    let outcome = match &refresh {
        Some(refresh) => crate::oauth::refresh(client, refresh).map(Found::Renewed),
        None => crate::oauth::introspect(client, &access).map(|active| match active {
            Some(false) => Found::Revoked,
            _ => Found::Holds,
        }),
    };
    match outcome {
        Ok(found) => found,
        Err(error) if error.code() == crate::oauth::REVOKED => Found::Revoked,
        Err(error) => Found::Unknown(error.to_string()),
    }
}

/// Withdraws ended grants at their networks (RFC 7009), when a network has
/// a client and a revocation endpoint; returns a warning for each that
/// could not be (the change that ended it stands). Network calls: never
/// inside a transaction, never on a UI thread.
pub fn withdraw(
    ended: &[(grants::StoredGrant, crate::lifecycle::Network)],
    clients: &[Client],
    vault: Option<&Vault>,
) -> Vec<String> {
    let mut warnings = Vec::new();
    for (grant, network) in ended {
        let Some(client) = clients.iter().find(|c| c.network == *network) else {
            continue;
        };
        if client.revocation_url.is_none() {
            continue;
        }
        let id = grant.account_id;
        let tokens: Vec<Secret> = vault
            .map(|vault| {
                [Some(&grant.sealed_access), grant.sealed_refresh.as_ref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|sealed| vault.open_sealed(sealed, id))
                    .collect()
            })
            .unwrap_or_default();
        let why = if tokens.is_empty() {
            Some(crate::tr!("error-vault-missing"))
        } else {
            // The refresh token first: withdrawing it ends the grant.
            tokens
                .iter()
                .rev()
                .map(|token| crate::oauth::revoke(client, token))
                .find_map(|done| done.err())
                .map(|e| crate::present::escape_control(&e.to_string()).into_owned())
        };
        if let Some(why) = why {
            warnings.push(crate::tr!(
                "warning-not-revoked",
                network = network.label(),
                why = why
            ));
        }
    }
    warnings
}
