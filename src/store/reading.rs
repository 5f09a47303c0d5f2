//! Commands that only read, on PostgreSQL (issue 22): a few round trips,
//! no write lock and no notification when nothing is due. The catch-up
//! sweep still comes first (R12): when an event is due the command runs
//! the writer's way (`Portal::run`); else only the watermark moves (T4),
//! by one monotonic UPDATE that needs no lock (an UPDATE of the portal row
//! waits for a writer that holds it, then keeps the later instant), and
//! the command reads one snapshot. A refusal is run again the writer's
//! way, where it is audited (R10e).

use super::db::Mode;
use super::{Portal, Session, Transaction, portal_info};
use crate::clock::effective_now;
use crate::error::Result;
use crate::lifecycle::{Instant, check_clock};

impl Portal {
    /// `run` for a command that only reads; on SQLite it is `run` (a
    /// write lock there is a local file lock, and a read there cannot
    /// upgrade to a write without risking a busy snapshot).
    pub fn run_reading<T>(
        &mut self,
        now_flag: Option<Instant>,
        actor: Option<&str>,
        mut command: impl FnMut(&mut Session<'_>) -> Result<T>,
    ) -> Result<T> {
        if !self.conn.is_postgres() {
            return self.run(now_flag, actor, command);
        }
        match self.read_caught_up(now_flag, actor, &mut command) {
            Ok(Some(value)) => Ok(value),
            Ok(None) => self.run(now_flag, actor, command),
            Err(error) if error.is_refusal() => self.run(now_flag, actor, command),
            Err(error) => Err(error),
        }
    }

    /// The read, or None when an event is due (the caller sweeps).
    fn read_caught_up<T>(
        &mut self,
        now_flag: Option<Instant>,
        actor: Option<&str>,
        command: &mut impl FnMut(&mut Session<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        // The portal row and the earliest event, in one query (read with
        // the schema's version at open, for a process's first command).
        let info = match self.first_info.take() {
            Some(info) => info,
            None => portal_info(&self.conn)?,
        };
        let now = effective_now(now_flag, info.demo_clock);
        check_clock(now.instant, info.swept_until)?;
        if info.next_event.is_some_and(|at| at <= now.instant) {
            return Ok(None);
        }
        if info.swept_until.is_none_or(|swept| swept < now.instant) {
            // One message, not a prepare and an execute: the instant is
            // an integer of ours, written into the statement.
            let at = now.instant.timestamp();
            self.conn.execute_batch(&format!(
                "UPDATE portal SET swept_until = {at} WHERE id = 1 \
                 AND (swept_until IS NULL OR swept_until < {at})"
            ))?;
        }
        let tx = Transaction::begin(&self.conn, Mode::Read)?;
        let value = Session::reading(&tx, (now, info), actor).and_then(|mut s| command(&mut s))?;
        tx.commit()?;
        Ok(Some(value))
    }
}
