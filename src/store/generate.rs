//! `generate`: a synthetic portal for benchmarks. Every account and post is
//! drawn from a seeded generator, so one seed always gives the same portal,
//! and every state is one the rules could have produced at `now` (no event
//! is left overdue behind the watermark).

use std::path::Path;

use super::db::{Connection, params};

use super::rows::secs;
use super::{NewUser, Portal, accounts, audit, users};
use crate::error::{Error, Result};
use crate::lifecycle::account::{ConnectionState as Link, Disconnection};
use crate::lifecycle::post::PostStatus;
use crate::lifecycle::time::{days, parse_instant};
use crate::lifecycle::{Account, DisconnectReason, Instant, Network, SocialAccess, Tier, UserId};

pub const ADMIN_EMAIL: &str = "admin@generated.test";
/// The instant a generated portal stands at when `--now` is not given, so the
/// same seed gives the same portal whatever the day.
pub const DEFAULT_NOW: &str = "2026-03-01T09:00:00Z";

pub struct Plan {
    pub accounts: u32,
    pub posts: u64,
    pub seed: u64,
    pub now: Option<Instant>,
}

pub struct Report {
    pub accounts: u32,
    pub posts: u64,
    pub now: Instant,
}

/// SplitMix64: small, fast, and the same on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// An offset of up to `max_seconds`, at least one second.
    fn seconds(&mut self, max_seconds: i64) -> chrono::Duration {
        chrono::Duration::seconds(1 + self.below(max_seconds.max(1) as u64) as i64)
    }
}

const TEXTS: [&str; 8] = [
    "Our spring collection is here: come and see it in store",
    "Join our webinar on Thursday: register with the link in bio",
    "We are hiring! Three new roles on the platform team",
    "Thank you to everyone who came to the open day",
    "New blog post: five ways to keep your accounts connected",
    "Customer story: how Northwind cut onboarding time in half",
    "Behind the scenes at our quarterly planning",
    "Live Q&A with the founders, Friday at 4pm",
];

/// What `generate` is doing, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    DrawingPosts,
    WritingAccounts,
    WritingPosts,
    BuildingIndexes,
    Saving,
}

impl Phase {
    pub fn words(self) -> String {
        crate::tr!(match self {
            Phase::DrawingPosts => "progress-drawing-posts",
            Phase::WritingAccounts => "progress-writing-accounts",
            Phase::WritingPosts => "progress-writing-posts",
            Phase::BuildingIndexes => "progress-building-indexes",
            Phase::Saving => "progress-saving",
        })
    }
}

/// How far the work is: `(phase, done, total)`, `total` 0 when a phase has
/// no count. Called every so many rows, not for each.
pub type Progress<'a> = &'a mut dyn FnMut(Phase, u64, u64);

/// Reports progress every 4096 rows, and stops the work (with an error, so
/// the half-built file is removed) once a stopping signal arrived.
fn step(
    progress: &mut dyn FnMut(Phase, u64, u64),
    phase: Phase,
    done: u64,
    total: u64,
) -> Result<()> {
    if done.is_multiple_of(4096) || done == total {
        crate::signals::check_interrupted()?;
        progress(phase, done, total);
    }
    Ok(())
}

pub fn generate(path: &Path, plan: &Plan, progress: Progress<'_>) -> Result<Report> {
    if plan.accounts == 0 {
        return Err(Error::invalid(
            "bad_count",
            crate::tr!("error-generate-no-accounts"),
        ));
    }
    if plan.accounts > 10_000_000 || plan.posts > 1_000_000_000 {
        return Err(Error::invalid(
            "bad_count",
            crate::tr!("error-generate-too-many"),
        ));
    }
    let now = match plan.now {
        Some(now) => now,
        None => parse_instant(DEFAULT_NOW).expect("a valid constant"),
    };
    Portal::create_bulk(path, |conn, rebuild_indexes| {
        fill(conn, plan, now, progress, rebuild_indexes)
    })?;
    Ok(Report {
        accounts: plan.accounts,
        posts: plan.posts,
        now,
    })
}

fn fill(
    conn: &Connection,
    plan: &Plan,
    now: Instant,
    progress: Progress<'_>,
    rebuild_indexes: &dyn Fn() -> Result<()>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO portal (id, name, tier, demo_clock, swept_until) VALUES (1, ?1, ?2, ?3, ?3)",
        params![
            format!("Generated portal (seed {})", plan.seed),
            Tier::Enterprise.name(),
            secs(now)
        ],
    )?;
    let mut cast: Vec<UserId> = Vec::new();
    let people = [
        (
            ADMIN_EMAIL,
            "Generated Admin",
            true,
            SocialAccess::All,
            true,
        ),
        (
            "publisher1@generated.test",
            "Publisher One",
            false,
            SocialAccess::All,
            true,
        ),
        (
            "publisher2@generated.test",
            "Publisher Two",
            false,
            SocialAccess::All,
            true,
        ),
        (
            "own@generated.test",
            "Own Publisher",
            false,
            SocialAccess::Own,
            true,
        ),
        (
            "viewer@generated.test",
            "Viewer",
            false,
            SocialAccess::Own,
            false,
        ),
    ];
    for (email, name, super_admin, access, can_publish) in people {
        cast.push(users::insert(
            conn,
            &NewUser {
                email: email.into(),
                name: name.into(),
                super_admin,
                access,
                can_publish,
            },
        )?);
    }
    let publishers = &cast[..4];
    let mut draw = Draw(plan.seed);
    let mut made: Vec<Account> = Vec::with_capacity(plan.accounts as usize);
    for i in 0..plan.accounts {
        let network = Network::all()
            .nth(draw.below(5) as usize)
            .expect("five networks");
        let connector = publishers[draw.below(publishers.len() as u64) as usize];
        made.push(draw_account(&mut draw, i, network, connector, now));
    }
    // Posts go to accounts that still have a history (not expired).
    let with_history: Vec<usize> = (0..made.len())
        .filter(|&i| !matches!(made[i].connection, Link::Expired(_)))
        .collect();
    // The posts are drawn twice from the same seed: first for what each
    // account's row needs from them (its last publication, its next
    // scheduled post), so every account is written once and whole; then
    // again to write them, once their accounts have ids.
    let posts_from = draw.0;
    let mut next_scheduled: Vec<Option<Instant>> = vec![None; made.len()];
    let mut last_published: Vec<Option<Instant>> = vec![None; made.len()];
    let mut drawn = 0;
    for_each_post(
        &mut draw,
        plan.posts,
        &with_history,
        &made,
        publishers,
        now,
        |post| {
            drawn += 1;
            step(progress, Phase::DrawingPosts, drawn, plan.posts)?;
            match post.status {
                PostStatus::Published => {
                    let last = &mut last_published[post.account];
                    *last = (*last).max(post.at);
                }
                PostStatus::Scheduled => {
                    let next = &mut next_scheduled[post.account];
                    *next = match (*next, post.at) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                _ => {}
            }
            Ok(())
        },
    )?;
    for (i, account) in made.iter_mut().enumerate() {
        account.last_published_at = last_published[i];
        account.id = accounts::insert_with_posts(conn, account, next_scheduled[i])?;
        step(
            progress,
            Phase::WritingAccounts,
            i as u64 + 1,
            u64::from(plan.accounts),
        )?;
    }
    let mut insert_post = conn.prepare_cached(
        "INSERT INTO posts (account_id, status, cancel_cause, scheduled_at, published_at, \
         created_by, created_at, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut written = 0;
    let mut draw = Draw(posts_from);
    for_each_post(
        &mut draw,
        plan.posts,
        &with_history,
        &made,
        publishers,
        now,
        |post| {
            let published = (post.status == PostStatus::Published)
                .then_some(post.at)
                .flatten();
            insert_post.execute(params![
                made[post.account].id,
                post.status.name(),
                post.cause,
                post.at.map(secs),
                published.map(secs),
                post.author,
                secs(now),
                post.text
            ])?;
            written += 1;
            step(progress, Phase::WritingPosts, written, plan.posts)
        },
    )?;
    drop(insert_post);
    progress(Phase::BuildingIndexes, 0, 0);
    rebuild_indexes()?;
    progress(Phase::Saving, 0, 0);
    audit::record(
        conn,
        now,
        "system",
        "generate",
        None,
        audit::Outcome::Ok,
        &format!(
            "synthetic portal: {} accounts, {} posts, seed {}",
            plan.accounts, plan.posts, plan.seed
        ),
        None,
    )?;
    Ok(())
}

/// One drawn post: the index of its account in the drawn accounts.
struct DrawnPost {
    account: usize,
    author: UserId,
    status: PostStatus,
    cause: Option<&'static str>,
    at: Option<Instant>,
    text: &'static str,
}

/// Draws `count` posts in order, each for an account that still has a
/// history; the same `draw` state gives the same posts.
fn for_each_post(
    draw: &mut Draw,
    count: u64,
    with_history: &[usize],
    made: &[Account],
    publishers: &[UserId],
    now: Instant,
    mut each: impl FnMut(DrawnPost) -> Result<()>,
) -> Result<()> {
    if with_history.is_empty() {
        return Ok(());
    }
    for _ in 0..count {
        let account = with_history[draw.below(with_history.len() as u64) as usize];
        let author = publishers[draw.below(publishers.len() as u64) as usize];
        let (status, cause, at) = draw_post(draw, &made[account], now);
        let text = TEXTS[draw.below(TEXTS.len() as u64) as usize];
        each(DrawnPost {
            account,
            author,
            status,
            cause,
            at,
            text,
        })?;
    }
    Ok(())
}

/// An account in one of the states the rules allow at `now`.
fn draw_account(
    draw: &mut Draw,
    i: u32,
    network: Network,
    connector: UserId,
    now: Instant,
) -> Account {
    // Accounts are numbered from 1 as their ids are: "Brand 000999" is #999.
    let number = i + 1;
    let handle = format!("{}-{number:06}", network.name());
    let name = format!("Brand {number:06}");
    let policy = network.policy();
    let window_days = (policy.reconnect_window.after(now) - now).num_days();
    let roll = draw.below(100);
    let reasons = [
        DisconnectReason::Manual,
        DisconnectReason::Security,
        DisconnectReason::Deleted,
        match policy.reauthorization {
            crate::lifecycle::policy::Reauthorization::AfterInactivity(_) => {
                DisconnectReason::Inactivity
            }
            _ => DisconnectReason::ReauthExpired,
        },
    ];
    // A grant young enough that its deadline is still ahead of now.
    let grant_days = match policy.reauthorization {
        crate::lifecycle::policy::Reauthorization::Never => 700,
        crate::lifecycle::policy::Reauthorization::AfterAuthorization(span)
        | crate::lifecycle::policy::Reauthorization::AfterInactivity(span) => {
            (span.after(now) - now).num_days() - 1
        }
    };
    let authorized_at = now - draw.seconds(grant_days * 86_400);
    let first_connected_at = authorized_at - days(draw.below(400) as i64);
    let mut account = Account::connect_new(0, network, &handle, &name, connector, authorized_at);
    account.first_connected_at = first_connected_at;
    // A new portal reminds on the article's week (R9a).
    account.reminded = account
        .reminder_at()
        .filter(|&r| r <= now)
        .map(|_| 7 * 86_400);
    if roll < 70 {
        return account;
    }
    let reason = reasons[draw.below(reasons.len() as u64) as usize];
    let by = (reason == DisconnectReason::Manual).then_some(connector);
    let (at, expired) = if roll < 90 {
        (now - draw.seconds((window_days - 1) * 86_400), false)
    } else {
        (now - days(window_days) - draw.seconds(300 * 86_400), true)
    };
    let disconnection = Disconnection { reason, at, by };
    account.authorized_at = account.authorized_at.min(at - days(1));
    account.first_connected_at = account.first_connected_at.min(account.authorized_at);
    account.reminded = Some(7 * 86_400);
    account.connection = if expired {
        Link::Expired(disconnection)
    } else {
        Link::Disconnected(disconnection)
    };
    account.purge_warning_sent = account.purge_warning_at().is_some_and(|w| w <= now);
    account
}

/// A post consistent with its account's state at `now`.
fn draw_post(
    draw: &mut Draw,
    account: &Account,
    now: Instant,
) -> (PostStatus, Option<&'static str>, Option<Instant>) {
    let roll = draw.below(100);
    let history_start = account.authorized_at;
    let last_moment = account.disconnection().map_or(now, |d| d.at);
    let span = (last_moment - history_start).num_seconds().max(2);
    let past = history_start + draw.seconds(span - 1);
    let future_from = last_moment.max(now);
    match roll {
        0..=44 => (PostStatus::Published, None, Some(past)),
        45..=79 => (
            PostStatus::Scheduled,
            None,
            Some(future_from + draw.seconds(60 * 86_400)),
        ),
        80..=89 => (PostStatus::Draft, None, None),
        90..=94 => (
            PostStatus::Canceled,
            Some("user"),
            Some(now + draw.seconds(30 * 86_400)),
        ),
        _ => (PostStatus::Canceled, Some("missed"), Some(past)),
    }
}
