//! One command inside its transaction: the portal's clock and facts, who
//! acts, what the catch-up sweep did, and the attempt a refusal audits.

use super::db::Connection;
use super::{PortalInfo, SweepEvent, audit, users};
use crate::clock::Now;
use crate::error::{Error, Result};
use crate::lifecycle::permission::{Attempt, authorize};
use crate::lifecycle::{AccountId, Instant, User, UserId};

/// One command inside its transaction.
pub struct Session<'t> {
    pub(super) conn: &'t Connection,
    pub now: Now,
    pub info: PortalInfo,
    /// What bringing the portal up to `now` did before the command ran.
    pub swept: Vec<SweepEvent>,
    pub actor: Option<User>,
    pub(super) attempt: Option<Attempting>,
    /// Grants this command ended (a disconnect, a removal): told to the
    /// network after the commit (RFC 7009), never inside the transaction.
    pub ended_grants: Vec<(super::grants::StoredGrant, crate::lifecycle::Network)>,
}

/// What a command is attempting, for the audit entry of a refusal.
pub(super) struct Attempting {
    pub(super) actor: Option<&'static str>,
    pub(super) action: &'static str,
    pub(super) account: Option<AccountId>,
}

impl<'t> Session<'t> {
    /// A session that reads, in the transaction `conn` holds: no sweep, no
    /// refusal to audit; what it words reads in its reader's zone.
    pub(super) fn reading(
        conn: &'t Connection,
        (now, info): (Now, PortalInfo),
        actor: Option<&str>,
    ) -> Result<Session<'t>> {
        let actor = match actor {
            Some(email) => Some(users::require_by_email(conn, email)?),
            None => None,
        };
        let session = Session {
            conn,
            now,
            info,
            swept: Vec::new(),
            actor,
            attempt: None,
            ended_grants: Vec::new(),
        };
        crate::zone::set(session.reader_zone());
        Ok(session)
    }

    pub fn conn(&self) -> &'t Connection {
        self.conn
    }

    pub fn instant(&self) -> Instant {
        self.now.instant
    }

    /// Names the attempt, so a refusal is audited against it (R10e, R14).
    pub fn attempting(&mut self, action: &'static str, account: Option<AccountId>) {
        self.attempt = Some(Attempting {
            actor: None,
            action,
            account,
        });
    }

    /// Like `attempting`, for an actor that is not a user (`network`).
    pub fn attempting_as(
        &mut self,
        actor: &'static str,
        action: &'static str,
        account: Option<AccountId>,
    ) {
        self.attempt = Some(Attempting {
            actor: Some(actor),
            action,
            account,
        });
    }

    /// One action of several in this transaction (bulk actions): its own
    /// savepoint, so a refusal undoes only it and is audited (R10e), and the
    /// others go on. Any other failure fails the whole command.
    pub fn one_of_several<T>(
        &mut self,
        action: impl FnOnce(&mut Session<'t>) -> Result<T>,
    ) -> Result<Result<T>> {
        self.conn.execute_batch("SAVEPOINT one_of_several")?;
        self.attempt = None;
        match action(self) {
            Ok(value) => {
                self.conn.execute_batch("RELEASE one_of_several")?;
                Ok(Ok(value))
            }
            Err(error) if error.is_refusal() => {
                self.conn
                    .execute_batch("ROLLBACK TO one_of_several; RELEASE one_of_several")?;
                let attempt = self.attempt.take();
                let actor = attempt
                    .as_ref()
                    .and_then(|a| a.actor.map(str::to_string))
                    .or_else(|| self.actor.as_ref().map(|u| u.email.clone()))
                    .unwrap_or_else(|| "unknown".into());
                audit::record(
                    self.conn,
                    self.now.instant,
                    &actor,
                    attempt.as_ref().map_or("command", |a| a.action),
                    attempt.as_ref().and_then(|a| a.account),
                    audit::Outcome::Denied,
                    &error.to_string(),
                    None,
                )?;
                Ok(Err(error))
            }
            Err(error) => Err(error),
        }
    }

    /// The acting user, for commands that act (CLI.md `--as`).
    pub fn require_actor(&self) -> Result<User> {
        self.actor
            .clone()
            .ok_or_else(|| Error::usage(crate::tr!("error-needs-actor")))
    }

    /// R2, R10 for the acting user.
    pub fn authorize(&self, user: &User, attempt: Attempt<'_>) -> Result<()> {
        authorize(user, self.info.tier, attempt).map_err(|denial| Error::Denied {
            code: "denied",
            message: denial.message(&|id: UserId| {
                users::email_of(self.conn, id).unwrap_or_else(|_| format!("user #{id}"))
            }),
        })
    }

    /// The zone the acting user reads times in (T1, issue 21): their own,
    /// else the portal's, else UTC.
    pub fn reader_zone(&self) -> crate::zone::Tz {
        let own = self
            .actor
            .as_ref()
            .and_then(|a| super::outbox::channels_of(self.conn, a.id).ok())
            .and_then(|c| c.timezone);
        crate::zone::stored(own.as_deref())
            .or_else(|| crate::zone::stored(self.info.timezone.as_deref()))
            .unwrap_or(crate::zone::Tz::UTC)
    }

    /// Reading commands: when a user is named, they must be allowed to view.
    pub fn authorize_view(&self, attempt: Attempt<'_>) -> Result<()> {
        match &self.actor {
            Some(user) => self.authorize(user, attempt),
            None => Ok(()),
        }
    }
}
