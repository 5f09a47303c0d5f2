//! The store on real database files: listings agree with the rules, the
//! sweep touches only what is due, and a failed command leaves nothing.

use rusqlite::Connection;
use switchboard::error::Error;
use switchboard::lifecycle::post::{PostStatus, listed_in};
use switchboard::lifecycle::time::{days, parse_instant};
use switchboard::lifecycle::{Instant, Tab};
use switchboard::store::{self, Portal, accounts, posts, sweep};

const ADMIN: &str = "admin@generated.test";

fn now() -> Instant {
    parse_instant(store::generate::DEFAULT_NOW).unwrap()
}

fn generated(accounts: u32, posts: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.db");
    store::generate::generate(
        &path,
        &store::generate::Plan {
            accounts,
            posts,
            seed: 3,
            now: None,
        },
        &mut |_, _, _| {},
    )
    .unwrap();
    (dir, path)
}

#[test]
fn r5b_publishing_tabs_in_sql_match_the_lifecycle_listing_rule() {
    let (_dir, path) = generated(80, 1500);
    let portal = Portal::open(&path).unwrap();
    let conn = portal.connection();
    let mut everything = Vec::new();
    posts::for_each(conn, None, None, None, None, |p| {
        everything.push(p);
        Ok(())
    })
    .unwrap();
    assert_eq!(everything.len(), 1500);
    for tab in Tab::ALL {
        let mut from_sql = Vec::new();
        posts::for_each(conn, Some(tab), None, None, None, |p| {
            from_sql.push(p.id);
            Ok(())
        })
        .unwrap();
        let from_rule: Vec<i64> = everything
            .iter()
            .filter(|p| {
                let account = accounts::require(conn, p.account_id).unwrap();
                listed_in(p.status, account.is_connected()) == Some(tab)
            })
            .map(|p| p.id)
            .collect();
        assert!(
            !from_rule.is_empty(),
            "{tab:?} has posts in the generated portal"
        );
        assert_eq!(from_sql, from_rule, "{tab:?}");
    }
    let hidden_published = everything
        .iter()
        .filter(|p| p.status.status == PostStatus::Published)
        .count();
    assert!(hidden_published > 0);
}

#[test]
fn r8_the_list_and_the_hidden_count_match_the_lifecycle_rule() {
    let (_dir, path) = generated(300, 0);
    let portal = Portal::open(&path).unwrap();
    let conn = portal.connection();
    let at = now() + days(20);
    let (mut listed, mut all) = (0, Vec::new());
    accounts::for_each_listed(conn, accounts::ListFilter::list(at), None, None, |_| {
        listed += 1;
        Ok(())
    })
    .unwrap();
    accounts::for_each_listed(conn, everything(at), None, None, |r| {
        all.push(r.account);
        Ok(())
    })
    .unwrap();
    let hidden = all.iter().filter(|a| a.is_hidden(at)).count();
    assert!(hidden > 0);
    assert_eq!(listed + hidden, all.len());
    assert_eq!(accounts::hidden_count(conn, at).unwrap(), hidden as i64);
}

#[test]
fn r12c_a_sweep_with_nothing_due_touches_only_the_watermark() {
    let (_dir, path) = generated(200, 2000);
    let conn = switchboard::store::db::Connection::from_sqlite(Connection::open(&path).unwrap());
    let changes = || conn.sqlite().unwrap().total_changes();
    let before = changes();
    let events = sweep::sweep_to(&conn, now()).unwrap();
    assert!(events.is_empty());
    assert_eq!(changes() - before, 0, "already there: nothing written");
    let events = sweep::sweep_to(&conn, now() + chrono::Duration::seconds(1)).unwrap();
    assert!(events.is_empty());
    assert_eq!(changes() - before, 1, "only the watermark moves");
}

#[test]
fn a_failed_command_leaves_the_database_unchanged() {
    let (_dir, path) = generated(20, 100);
    let dump = |path: &std::path::Path| {
        let conn = Connection::open(path).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
            .unwrap();
        let s: Option<i64> = conn
            .query_row("SELECT swept_until FROM portal", [], |r| r.get(0))
            .unwrap();
        (n, s)
    };
    let before = dump(&path);
    let mut portal = Portal::open(&path).unwrap();
    let later = now() + days(30);
    let result: Result<(), Error> = portal.run(Some(later), Some(ADMIN), |session| {
        posts::delete_all(session.conn(), 1)?;
        Err(Error::other("disk_full", "simulated failure after a write"))
    });
    assert!(result.is_err());
    drop(portal);
    assert_eq!(
        dump(&path),
        before,
        "neither the write nor the sweep stayed"
    );
}

#[test]
fn opening_never_creates_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.db");
    let err = Portal::open(&path).err().unwrap();
    assert_eq!(err.exit_code(), 4);
    assert!(!path.exists());
}

#[test]
fn lists_are_paged_by_keyset_and_pages_add_up_to_the_whole() {
    let (_dir, path) = generated(1234, 3000);
    let portal = Portal::open(&path).unwrap();
    let conn = portal.connection();
    let mut whole = Vec::new();
    accounts::for_each_listed(conn, everything(now()), None, None, |r| {
        whole.push(r.account.id);
        Ok(())
    })
    .unwrap();
    assert_eq!(
        whole.len(),
        1234,
        "streams past one page of {}",
        store::PAGE
    );
    let mut paged = Vec::new();
    let mut cursor = None;
    loop {
        let page = accounts::page(conn, now(), true, cursor.as_ref(), 50).unwrap();
        let Some(last) = page.last() else { break };
        cursor = Some(accounts::ListCursor::of(&last.account));
        paged.extend(page.iter().map(|r| r.account.id));
    }
    assert_eq!(paged, whole);
    let mut posts_paged = Vec::new();
    posts::for_each(conn, None, None, Some(100), Some(700), |p| {
        posts_paged.push(p.id);
        Ok(())
    })
    .unwrap();
    assert_eq!(posts_paged, (101..=800).collect::<Vec<i64>>());
}

#[test]
fn newest_first_pages_walk_the_whole_audit_log_and_an_inbox() {
    use switchboard::store::{audit, notifications};
    let (_dir, path) = generated(60, 600);
    let mut portal = Portal::open(&path).unwrap();
    // A year on: reminders, lapses, purges, publications all happen.
    portal
        .run(Some(now() + days(365)), None, |_| Ok(()))
        .unwrap();
    let conn = portal.connection();
    let mut all = Vec::new();
    audit::for_each(conn, None, |e| {
        all.push(e.id);
        Ok(())
    })
    .unwrap();
    let mut paged = Vec::new();
    let mut cursor = None;
    loop {
        let page = audit::page_newest(conn, None, cursor.into(), 7).unwrap();
        let Some(last) = page.last() else { break };
        cursor = Some((last.at, last.id));
        for pair in page.windows(2) {
            assert!(
                (pair[0].at, pair[0].id) > (pair[1].at, pair[1].id),
                "newest first"
            );
        }
        paged.extend(page.iter().map(|e| e.id));
    }
    assert!(all.len() > 100, "{}", all.len());
    let (mut a, mut b) = (all.clone(), paged.clone());
    a.sort();
    b.sort();
    assert_eq!(a, b, "the pages hold every entry once");
    // From the oldest entry back up, page by page: the same order.
    let mut backwards = Vec::new();
    let mut seek = switchboard::store::rows::Seek::End;
    loop {
        let page = audit::page_newest(conn, None, seek, 7).unwrap();
        let Some(first) = page.first() else { break };
        seek = switchboard::store::rows::Seek::Before((first.at, first.id));
        backwards.splice(0..0, page.iter().map(|e| e.id));
    }
    assert_eq!(backwards, paged, "walked back from the oldest entry");
    let admin = switchboard::store::users::require_by_email(conn, ADMIN).unwrap();
    let first = notifications::page_newest(conn, admin.id, None.into(), 5).unwrap();
    assert_eq!(first.len(), 5);
    let last = first.last().unwrap();
    let next =
        notifications::page_newest(conn, admin.id, Some((last.at, last.id)).into(), 5).unwrap();
    assert!(next.iter().all(|n| (n.at, n.id) < (last.at, last.id)));
}

/// The whole list, hidden accounts too.
fn everything<'a>(at: switchboard::lifecycle::Instant) -> accounts::ListFilter<'a> {
    accounts::ListFilter {
        include_hidden: true,
        ..accounts::ListFilter::list(at)
    }
}

/// Issue 8: `--status` and `--sort urgency` in SQL say what the lifecycle
/// module says: the same accounts, in the order of `Account::urgent_at`.
#[test]
fn the_state_filters_and_the_urgency_order_match_the_lifecycle_rules() {
    use switchboard::lifecycle::StateFilter;
    let (_dir, path) = generated(600, 0);
    let portal = Portal::open(&path).unwrap();
    let conn = portal.connection();
    for at in [now(), now() + days(20), now() + days(200)] {
        let mut all = Vec::new();
        accounts::for_each_listed(conn, everything(at), None, None, |r| {
            all.push(r.account);
            Ok(())
        })
        .unwrap();
        for state in StateFilter::ALL {
            let filter = accounts::ListFilter {
                state,
                order: accounts::ListOrder::ByUrgency,
                ..everything(at)
            };
            let mut listed = Vec::new();
            accounts::for_each_listed(conn, filter, None, None, |r| {
                listed.push(r.account);
                Ok(())
            })
            .unwrap();
            let mut expected: Vec<_> = all
                .iter()
                .filter(|a| state.admits(a, at))
                .cloned()
                .collect();
            expected.sort_by_key(|a| (accounts::urgency_key(a), a.id));
            let ids =
                |v: &[switchboard::lifecycle::Account]| v.iter().map(|a| a.id).collect::<Vec<_>>();
            assert_eq!(ids(&listed), ids(&expected), "{state:?} at {at}");
            if state == StateFilter::NeedsAttention {
                assert!(!listed.is_empty(), "some account needs attention at {at}");
            }
        }
        // Paging by urgency walks the same order as one stream.
        let by_urgency = accounts::ListFilter {
            order: accounts::ListOrder::ByUrgency,
            ..everything(at)
        };
        let mut paged = Vec::new();
        let mut cursor: Option<accounts::ListCursor> = None;
        loop {
            let anchor = match &cursor {
                Some(c) => accounts::Bound::After(c),
                None => accounts::Bound::Start,
            };
            let page = accounts::window(conn, by_urgency, anchor, 37).unwrap();
            let Some(last) = page.last() else { break };
            cursor = Some(accounts::ListCursor::of(&last.account));
            paged.extend(page.iter().map(|r| r.account.id));
        }
        let mut expected: Vec<_> = all.clone();
        expected.sort_by_key(|a| (accounts::urgency_key(a), a.id));
        assert_eq!(paged, expected.iter().map(|a| a.id).collect::<Vec<_>>());
    }
}

/// Issue 8: the Publishing tabs by time walk the same posts as the tabs by
/// id (held equal to the lifecycle rule above), each in its time order.
#[test]
fn publishing_tabs_by_time_walk_every_post_of_the_tab_in_order() {
    use switchboard::lifecycle::Tab;
    use switchboard::store::posts;
    let (_dir, path) = generated(300, 3000);
    let portal = Portal::open(&path).unwrap();
    let conn = portal.connection();
    for tab in Tab::ALL {
        let mut by_id = Vec::new();
        posts::for_each(conn, Some(tab), None, None, None, |p| {
            by_id.push(p.id);
            Ok(())
        })
        .unwrap();
        let mut by_time = Vec::new();
        let mut cursors = Vec::new();
        let mut after = None;
        loop {
            let page = posts::tab_page(conn, tab, after, 7).unwrap();
            let Some(last) = page.last() else { break };
            after = Some(last.cursor);
            cursors.extend(page.iter().map(|l| l.cursor));
            by_time.extend(page.iter().map(|l| l.post.id));
            // Each tab's instant (migration 003's listed_at): the scheduled
            // time, the publication, or for canceled posts the time they
            // were meant for (generated drafts and cancellations all have
            // one except drafts, which list by creation).
            for line in &page {
                let meant = match tab {
                    Tab::Published => line.post.published_at,
                    Tab::Scheduled | Tab::Canceled => line.post.scheduled_at,
                    Tab::Drafts => None,
                };
                if let Some(meant) = meant {
                    assert_eq!(
                        line.cursor.0,
                        meant.timestamp(),
                        "{tab:?} #{}",
                        line.post.id
                    );
                }
            }
        }
        let mut sorted = cursors.clone();
        if tab == Tab::Scheduled {
            sorted.sort();
        } else {
            sorted.sort_by(|a, b| b.cmp(a));
        }
        assert_eq!(cursors, sorted, "{tab:?} is in its time order");
        // Issue 18: from the real end back, page by page, the same rows in
        // the same order.
        let mut backwards = Vec::new();
        let mut seek = switchboard::store::rows::Seek::End;
        loop {
            let page = posts::tab_page(conn, tab, seek, 7).unwrap();
            let Some(first) = page.first() else { break };
            seek = switchboard::store::rows::Seek::Before(first.cursor);
            backwards.splice(0..0, page.iter().map(|l| l.cursor));
        }
        assert_eq!(backwards, cursors, "{tab:?} walked back from its end");
        by_id.sort();
        by_time.sort();
        assert_eq!(by_time, by_id, "{tab:?} holds the same posts");
        assert!(!by_id.is_empty(), "{tab:?} has posts in this portal");
    }
}
