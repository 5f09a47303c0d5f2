//! `init`, `generate` and `tier set`: making a portal, and its tier.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json as j};

use super::{database_path, now_flag, parsed};
use crate::cli::args::{Cli, TierCommand};
use crate::cli::output::{Output, Shown};
use crate::cli::progress::Phases;
use crate::clock::effective_now;
use crate::error::Result;
use crate::lifecycle::time::format_instant;
use crate::lifecycle::{SocialAccess, Tier};
use crate::store::{self, Location, NewUser, Portal, Session, actions};

/// Where a new portal goes: --db, else the data directory (made on first
/// use; a folder named by --db must exist already).
fn new_portal_path(cli: &Cli) -> Result<PathBuf> {
    let path = database_path(cli)?;
    if cli.global.db.is_none()
        && let Some(dir) = path.parent()
    {
        crate::files::create_private_dir(dir)?;
    }
    Ok(path)
}

struct Created {
    path: PathBuf,
    portal: String,
    tier: Tier,
    admin: String,
}

impl Shown for Created {
    fn json(&self) -> Value {
        // A PostgreSQL URL is shown without its password.
        j!({"db": crate::store::location(&self.path), "portal": self.portal, "tier": self.tier.name(), "admin": self.admin})
    }

    fn human(&self) -> String {
        crate::tr!(
            "cli-created",
            portal = self.portal.clone(),
            tier = self.tier.label(),
            path = crate::store::location(&self.path),
            admin = self.admin.clone()
        )
    }
}

pub fn init<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    portal: &str,
    tier: &str,
    admin: &str,
    admin_name: &str,
) -> Result<()> {
    let flag = now_flag(cli)?;
    let tier = parsed(Tier::parse(tier), "bad_tier")?;
    let email = actions::check_email(admin)?;
    let name = actions::check_name(admin_name, actions::Field::Flag("--admin-name"))?;
    let portal = actions::check_name(portal, actions::Field::Flag("--portal"))?;
    let path = new_portal_path(cli)?;
    let now = effective_now(flag, None).instant;
    let admin = NewUser {
        email: email.clone(),
        name,
        super_admin: true,
        access: SocialAccess::All,
        can_publish: true,
    };
    Portal::create(&path, portal.trim(), tier, &admin, now)?;
    out.show(&Created {
        path,
        portal: portal.trim().to_string(),
        tier,
        admin: email,
    })
}

struct Generated {
    path: PathBuf,
    report: store::generate::Report,
    seed: u64,
}

impl Shown for Generated {
    fn json(&self) -> Value {
        j!({
            "db": self.path.display().to_string(),
            "accounts": self.report.accounts,
            "posts": self.report.posts,
            "seed": self.seed,
            "now": format_instant(self.report.now),
            "admin": store::generate::ADMIN_EMAIL,
        })
    }

    fn human(&self) -> String {
        crate::tr!(
            "cli-generated",
            accounts = self.report.accounts,
            posts = self.report.posts,
            path = self.path.display().to_string(),
            seed = self.seed,
            now = format_instant(self.report.now),
            admin = store::generate::ADMIN_EMAIL
        )
    }
}

pub fn generate<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    accounts: u32,
    posts: u64,
    seed: u64,
) -> Result<()> {
    let flag = now_flag(cli)?;
    let path = new_portal_path(cli)?;
    let mut phases = Phases::on_stderr();
    let report = generate_at(&path, accounts, posts, seed, flag, &mut phases)?;
    phases.finish();
    out.show(&Generated { path, report, seed })
}

fn generate_at(
    path: &Path,
    accounts: u32,
    posts: u64,
    seed: u64,
    now: Option<crate::lifecycle::Instant>,
    phases: &mut Phases,
) -> Result<store::generate::Report> {
    let _span = tracing::info_span!("generate", accounts, posts, seed).entered();
    store::generate::generate(
        path,
        &store::generate::Plan {
            accounts,
            posts,
            seed,
            now,
        },
        &mut |phase, done, total| phases.show(&phase.words(), done, total),
    )
}

struct TierSet(Tier);

impl Shown for TierSet {
    fn json(&self) -> Value {
        j!({"tier": self.0.name()})
    }

    fn human(&self) -> String {
        crate::tr!("cli-tier-set", tier = self.0.label())
    }
}

pub fn tier<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &TierCommand,
) -> Result<()> {
    let TierCommand::Set { tier } = command;
    let tier = parsed(Tier::parse(tier), "bad_tier")?;
    actions::set_tier(session, tier)?;
    out.show(&TierSet(tier))
}

/// `migrate`: what was copied, table by table.
struct Migrated(crate::store::engine_copy::Copied);

impl Shown for Migrated {
    fn json(&self) -> Value {
        let tables: serde_json::Map<String, Value> = self
            .0
            .tables
            .iter()
            .map(|(table, rows)| (table.to_string(), Value::from(*rows)))
            .collect();
        j!({"from": self.0.from, "to": self.0.to, "tables": tables})
    }

    fn human(&self) -> String {
        let tables: Vec<String> = self
            .0
            .tables
            .iter()
            .map(|(table, rows)| format!("{table} {rows}"))
            .collect();
        crate::tr!(
            "cli-migrated",
            from = self.0.from.clone(),
            to = self.0.to.clone(),
            tables = tables.join(", ")
        )
    }
}

pub fn migrate<W: Write>(
    out: &mut Output<W>,
    from: &std::path::Path,
    to: &std::path::Path,
) -> Result<()> {
    let (from, to) = (Location::of(from), Location::of(to));
    // A bar per table on a terminal, once the copy has taken a second.
    let mut phases = Phases::on_stderr();
    let mut report = |table: &str, done: u64, total: u64| phases.show(table, done, total);
    let copied = crate::store::engine_copy::copy(&from, &to, Some(&mut report))?;
    phases.finish();
    out.show(&Migrated(copied))
}
