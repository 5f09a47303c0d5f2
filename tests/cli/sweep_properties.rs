//! Properties of the engine over random portals (R12a, R5/R6, R7/R13),
//! through the library and real database files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rusqlite::Connection;
use switchboard::lifecycle::account::NetworkReport;
use switchboard::lifecycle::time::{days, parse_instant};
use switchboard::lifecycle::{Instant, Network, SocialAccess, Tier};
use switchboard::store::{NewUser, Portal, actions};

const ADMIN: &str = "ana@example.com";
const PEOPLE: [&str; 3] = [ADMIN, "bo@example.com", "cy@example.com"];

fn t0() -> Instant {
    parse_instant("2026-01-01T00:00:00Z").unwrap()
}

fn hours(n: u32) -> chrono::Duration {
    chrono::Duration::hours(i64::from(n))
}

#[derive(Clone, Debug)]
enum Op {
    Disconnect(usize),
    Reconnect(usize),
    Report(usize, u8),
    CancelPost(usize),
    Remove(usize),
    DeactivateCy,
}

#[derive(Clone, Debug)]
struct Plan {
    networks: Vec<u8>,
    /// (account, hours after t0 it is due, author)
    posts: Vec<(usize, u32, usize)>,
    /// (hours after t0, op); applied in time order
    ops: Vec<(u32, Op)>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..5).prop_flat_map(|n| {
        let op = prop_oneof![
            (0..n).prop_map(Op::Disconnect),
            (0..n).prop_map(Op::Reconnect),
            ((0..n), 0u8..3).prop_map(|(a, r)| Op::Report(a, r)),
            (0usize..40).prop_map(Op::CancelPost),
            (0..n).prop_map(Op::Remove),
            Just(Op::DeactivateCy),
        ];
        (
            proptest::collection::vec(0u8..5, n),
            proptest::collection::vec((0..n, 1u32..24 * 500, 0usize..3), 0..30),
            proptest::collection::vec((0u32..24 * 400, op), 0..8),
        )
            .prop_map(|(networks, posts, mut ops)| {
                ops.sort_by_key(|(at, _)| *at);
                Plan {
                    networks,
                    posts,
                    ops,
                }
            })
    })
}

fn network(n: u8) -> Network {
    Network::all().nth(usize::from(n)).unwrap()
}

/// Builds the portal of a plan, applying its ops (refusals are part of life).
fn build(dir: &Path, plan: &Plan) -> PathBuf {
    let path = dir.join("base.db");
    let admin = NewUser {
        email: ADMIN.into(),
        name: "Ana".into(),
        super_admin: true,
        access: SocialAccess::All,
        can_publish: true,
    };
    let mut portal = Portal::create(&path, "P", Tier::Professional, &admin, t0()).unwrap();
    let now = Some(t0());
    for email in &PEOPLE[1..] {
        portal
            .run(now, Some(ADMIN), |s| {
                actions::add_user(
                    s,
                    NewUser {
                        email: email.to_string(),
                        name: "Someone".into(),
                        super_admin: false,
                        access: SocialAccess::All,
                        can_publish: true,
                    },
                )
            })
            .unwrap();
    }
    let mut account_ids = Vec::new();
    for (i, n) in plan.networks.iter().enumerate() {
        let done = portal
            .run(now, Some(ADMIN), |s| {
                actions::connect(s, network(*n), &format!("acct{i}"), None)
            })
            .unwrap();
        account_ids.push(done.account.account.id);
    }
    let mut post_ids = Vec::new();
    for (account, due, author) in &plan.posts {
        let at = t0() + hours(*due);
        let made = portal.run(now, Some(PEOPLE[*author]), |s| {
            actions::schedule_post(s, account_ids[*account], at, "text")
        });
        post_ids.push(made.unwrap().id);
    }
    for (offset, op) in &plan.ops {
        let at = Some(t0() + hours(*offset));
        let _ = match op {
            Op::Disconnect(a) => portal
                .run(at, Some(ADMIN), |s| {
                    actions::disconnect(s, account_ids[*a], None)
                })
                .map(|_| ()),
            Op::Reconnect(a) => portal
                .run(at, Some("bo@example.com"), |s| {
                    actions::reconnect(s, account_ids[*a], None)
                })
                .map(|_| ()),
            Op::Report(a, r) => {
                let report = [
                    NetworkReport::Security,
                    NetworkReport::Deleted,
                    NetworkReport::Inactive,
                ][usize::from(*r)];
                portal
                    .run(at, None, |s| {
                        actions::network_event(s, account_ids[*a], report)
                    })
                    .map(|_| ())
            }
            Op::CancelPost(p) if !post_ids.is_empty() => portal
                .run(at, Some(ADMIN), |s| {
                    actions::cancel_post(s, post_ids[p % post_ids.len()])
                })
                .map(|_| ()),
            Op::CancelPost(_) => Ok(()),
            Op::Remove(a) => portal
                .run(at, Some(ADMIN), |s| {
                    actions::remove(s, account_ids[*a], &format!("acct{a}"), None)
                })
                .map(|_| ()),
            Op::DeactivateCy => portal
                .run(at, Some(ADMIN), |s| {
                    actions::deactivate_user(s, "cy@example.com")
                })
                .map(|_| ()),
        };
    }
    path
}

fn sweep(path: &Path, instants: &[Instant]) {
    let mut portal = Portal::open(path).unwrap();
    for &t in instants {
        portal.run(Some(t), None, |_| Ok(())).unwrap();
    }
}

/// The whole content of the portal: every table with its ids, and the ids
/// each table hands out next (R12a: "ids included").
fn content(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    let queries = [
        "SELECT * FROM portal",
        "SELECT * FROM users ORDER BY id",
        "SELECT * FROM accounts ORDER BY id",
        "SELECT * FROM posts ORDER BY id",
        "SELECT * FROM notifications ORDER BY id",
        "SELECT * FROM audit ORDER BY id",
        "SELECT * FROM sqlite_sequence ORDER BY name",
    ];
    let mut text = String::new();
    for sql in queries {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            text.push_str(&cells.join("|"));
            text.push('\n');
        }
        text.push_str("--\n");
    }
    text
}

fn copy(from: &Path, name: &str) -> PathBuf {
    let to = from.with_file_name(name);
    std::fs::copy(from, &to).unwrap();
    to
}

fn post_ids(path: &Path) -> BTreeSet<i64> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM posts").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// R12a: one sweep to T equals any sequence of sweeps ending at T, on the
    /// whole database content; and repeating the sweep changes nothing.
    #[test]
    fn r12a_sweeping_is_path_independent(
        plan in plan(),
        stops in proptest::collection::vec(24u32 * 400..24 * 900, 0..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let base = build(dir.path(), &plan);
        let one = copy(&base, "one.db");
        let many = copy(&base, "many.db");
        let end = t0() + days(900);
        sweep(&one, &[end]);
        let mut instants: Vec<Instant> = stops.iter().map(|h| t0() + hours(*h)).collect();
        instants.sort();
        instants.push(end);
        sweep(&many, &instants);
        let settled = content(&one);
        prop_assert_eq!(&settled, &content(&many));
        sweep(&one, &[end]);
        prop_assert_eq!(settled, content(&one));
    }

    /// R5, R6: a disconnect then a reconnect inside the window loses no post;
    /// future ones are scheduled again, those whose time passed are missed.
    #[test]
    fn r5_r6_disconnect_then_reconnect_loses_no_post(
        net in 0u8..5,
        dues in proptest::collection::vec(1u32..24 * 120, 1..25),
        gap in 1u32..24 * 50,
    ) {
        let plan = Plan {
            networks: vec![net],
            posts: dues.iter().map(|d| (0, *d, 0)).collect(),
            ops: vec![],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = build(dir.path(), &plan);
        let before = post_ids(&path);
        let mut portal = Portal::open(&path).unwrap();
        let off = t0() + hours(24);
        let back = off + hours(gap);
        portal.run(Some(off), Some(ADMIN), |s| actions::disconnect(s, 1, None)).unwrap();
        portal.run(Some(back), Some(ADMIN), |s| actions::reconnect(s, 1, None)).unwrap();
        drop(portal);
        prop_assert_eq!(&before, &post_ids(&path));
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn.prepare("SELECT scheduled_at, status, cancel_cause FROM posts").unwrap();
        let rows: Vec<(i64, String, Option<String>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (at, status, cause) in rows {
            if at <= off.timestamp() {
                prop_assert_eq!(status, "published");
            } else if at <= back.timestamp() {
                prop_assert_eq!((status.as_str(), cause.as_deref()), ("canceled", Some("missed")));
            } else {
                prop_assert_eq!(status, "scheduled");
            }
        }
    }

    /// Only a purge (R7) or a removal (R13) ever deletes a post.
    #[test]
    fn r7_r13_only_purges_and_removals_delete_posts(plan in plan()) {
        let dir = tempfile::tempdir().unwrap();
        let mut no_deletes = plan.clone();
        no_deletes.ops.retain(|(_, op)| !matches!(op, Op::Remove(_)));
        let path = build(dir.path(), &no_deletes);
        sweep(&path, &[t0() + days(900)]);
        let conn = Connection::open(&path).unwrap();
        let present: i64 = conn.query_row("SELECT count(*) FROM posts", [], |r| r.get(0)).unwrap();
        let purged: i64 = conn
            .query_row("SELECT coalesce(sum(count), 0) FROM audit WHERE action = 'purge'", [], |r| r.get(0))
            .unwrap();
        prop_assert_eq!(present + purged, no_deletes.posts.len() as i64);
    }
}
