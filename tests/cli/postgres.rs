//! Issue 13: a portal on PostgreSQL. What only a server has: moving a
//! portal to it and back, the errors of a server that is down or says no,
//! and several processes acting on one portal at once. (The CLI and rule
//! tests run on PostgreSQL too: their twins, in their own files.)
//!
//! Each test runs on the local server (see README, Test); without one it
//! says why and passes, except under CI=true.

use std::process::Command;

use postgres::fallible_iterator::FallibleIterator;

use crate::common::{ADMIN, T0, TestPortal, on_postgres_too};

use switchboard::store::tables::TABLES;

/// Every table of a SQLite portal, row by row, and its id sequences.
fn sqlite_tables(path: &std::path::Path) -> Vec<String> {
    let mut tables: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    tables.push("sqlite_sequence");
    crate::common::sqlite_rows(path, &tables)
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn migrate_sqlite_to_postgres_and_back_leaves_every_table_equal() {
    on_postgres_too(|| {
        // A portal with a history of every kind (the demo), a removed
        // account (ids never reused), and a queued delivery.
        let files = TestPortal::sqlite_file();
        let source = files.db.clone();
        let run = |args: &[&str]| files.run(args);
        run(&["--db", source.to_str().unwrap(), "demo", "--no-tui"]).ok();
        let db = source.to_str().unwrap();
        let admin = "ana@northwind.test";
        run(&[
            "--db",
            db,
            "--as",
            admin,
            "user",
            "set",
            admin,
            "--email-notifications",
            "on",
        ])
        .ok();
        run(&[
            "--db",
            db,
            "--as",
            admin,
            "account",
            "remove",
            "14",
            "--confirm",
            "northwind.kids",
        ])
        .ok();
        run(&["--db", db, "--as", admin, "clock", "advance", "30d"]).ok();

        let server = TestPortal::empty();
        let url = server.db.to_str().unwrap();
        let there = run(&["--json", "migrate", "--from", db, "--to", url])
            .ok()
            .json();
        assert_eq!(there["tables"]["accounts"], 13, "{there}");
        let back = files.dir.path().join("back.db");
        let back_str = back.to_str().unwrap();
        let again = run(&["--json", "migrate", "--from", url, "--to", back_str])
            .ok()
            .json();
        assert_eq!(there["tables"], again["tables"]);
        assert_eq!(sqlite_tables(&source), sqlite_tables(&back));
        // The copy on the server is a portal like the file: same answers.
        for args in [
            &["--json", "account", "list", "--all"][..],
            &["--json", "post", "list"][..],
            &["--json", "audit"][..],
        ] {
            let mut on_file = vec!["--db", db];
            on_file.extend_from_slice(args);
            let mut on_server = vec!["--db", url];
            on_server.extend_from_slice(args);
            assert_eq!(
                run(&on_file).ok().json(),
                run(&on_server).ok().json(),
                "{args:?}"
            );
        }
        // A new id on the server is above every id the file ever gave.
        let connected = run(&[
            "--json", "--db", url, "--as", admin, "account", "connect", "x", "brandnew",
        ])
        .ok()
        .json();
        assert_eq!(
            connected["id"], 15,
            "the removed account's id 14 stays taken"
        );
        // A database that holds a portal is never written over.
        let refused = run(&["migrate", "--from", db, "--to", url]);
        assert_eq!(refused.code, 5, "{}", refused.stderr);
    });
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn a_server_that_is_down_a_wrong_password_a_missing_database_and_a_newer_schema_are_one_error_line_each()
 {
    on_postgres_too(|| {
        let p = TestPortal::new();
        let url = p.db.to_str().unwrap().to_string();
        let run = |db: &str| p.run(&["--db", db, "account", "list"]);
        // Nobody listens on port 1.
        let down = run("postgres://root@127.0.0.1:1/switchboard");
        assert_eq!(down.code, 1, "{}", down.stderr);
        assert!(
            down.stderr
                .starts_with("error: cannot reach the PostgreSQL server"),
            "{}",
            down.stderr
        );
        // Over TCP the server asks for a password (the Debian cluster's
        // scram-sha-256 for 127.0.0.1); this one is wrong.
        let login = run("postgres://root:wrong@127.0.0.1/postgres");
        assert_eq!(login.code, 1, "{}", login.stderr);
        assert!(
            login
                .stderr
                .starts_with("error: PostgreSQL refused the login"),
            "{}",
            login.stderr
        );
        assert!(
            !login.stderr.contains("wrong"),
            "the password is never printed"
        );
        let base = url.rsplit_once('/').unwrap().0;
        let missing = run(&format!("{base}/no_such_portal_db"));
        assert_eq!(missing.code, 4, "{}", missing.stderr);
        assert!(
            missing.stderr.contains("does not exist"),
            "{}",
            missing.stderr
        );
        let bad = run("postgres://root@/x?sslmode=sometimes");
        assert_eq!(bad.code, 2, "{}", bad.stderr);
        // What builds a file says how to reach the server instead.
        for args in [
            &["demo", "--no-tui"][..],
            &["generate", "--accounts", "10", "--posts", "10"][..],
        ] {
            let mut all = vec!["--db", url.as_str()];
            all.extend_from_slice(args);
            let refused = p.run(&all);
            assert_eq!(refused.code, 1, "{}", refused.stderr);
            assert!(
                refused.stderr.contains("migrate --from FILE --to URL"),
                "{}",
                refused.stderr
            );
        }
        for run in [&down, &login, &missing, &bad] {
            assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
            assert!(!run.stderr.contains("panicked"));
        }
        // A database that is not a portal, and a newer schema.
        let other = TestPortal::empty();
        let mut client = other.postgres().unwrap();
        client
            .batch_execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT)")
            .unwrap();
        let not_a_portal = other.run(&["account", "list"]);
        assert_eq!(not_a_portal.code, 1, "{}", not_a_portal.stderr);
        assert!(
            not_a_portal.stderr.contains("not a Switchboard portal"),
            "{}",
            not_a_portal.stderr
        );
        // init into it is refused and leaves it as it was.
        let init = other.run(&[
            "init",
            "--portal",
            "Acme",
            "--tier",
            "free",
            "--admin",
            ADMIN,
            "--admin-name",
            "Ana",
        ]);
        assert_eq!(init.code, 5, "{}", init.stderr);
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(tables, 1, "nothing half-written");
        p.postgres()
            .unwrap()
            .batch_execute("UPDATE switchboard_schema SET version = 99")
            .unwrap();
        let newer = p.run(&["account", "list"]);
        assert_eq!(newer.code, 1, "{}", newer.stderr);
        assert!(
            newer.stderr.contains("newer than this build"),
            "{}",
            newer.stderr
        );
    });
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn four_processes_acting_at_once_lose_no_update_and_apply_no_event_twice() {
    on_postgres_too(|| {
        let p = TestPortal::new();
        p.run(&["--now", T0, "clock", "set", T0]).ok();
        let posts_to = p.connect("facebook", "acme", T0);
        let toggled = p.connect("x", "acmenews", T0);
        let bin = assert_cmd::cargo::cargo_bin("switchboard");
        let workers: Vec<_> = (0..4)
            .map(|worker| {
                let bin = bin.clone();
                let db = p.db.clone();
                let data = p.dir.path().join("data");
                std::thread::spawn(move || {
                    let mut codes = Vec::new();
                    for step in 0..100 {
                        let text = format!("w{worker}-{step}");
                        // Twelve hours ahead of the clocks at first; they pass it near
                        // step 80, and the last ones are refused.
                        let at = format!("2026-03-01T{:02}:{:02}:00Z", 21 + step / 60, step % 60);
                        let posts_to = posts_to.to_string();
                        let toggled = toggled.to_string();
                        let args: Vec<&str> = match step % 4 {
                            0 => vec!["post", "schedule", &posts_to, "--at", &at, "--text", &text],
                            1 => vec!["account", "disconnect", &toggled],
                            2 => vec!["account", "reconnect", &toggled],
                            _ => vec!["clock", "advance", "10m"],
                        };
                        let output = Command::new(&bin)
                            .env("SWITCHBOARD_DB", &db)
                            .env("SWITCHBOARD_LANG", "en")
                            .env("XDG_DATA_HOME", &data)
                            .env("SWITCHBOARD_USER", ADMIN)
                            .args(&args)
                            .output()
                            .unwrap();
                        codes.push((
                            step % 4,
                            output.status.code(),
                            String::from_utf8_lossy(&output.stderr).into_owned(),
                        ));
                    }
                    codes
                })
            })
            .collect();
        let mut scheduled = 0;
        for worker in workers {
            for (kind, code, stderr) in worker.join().unwrap() {
                match (kind, code) {
                    (0, Some(0)) => scheduled += 1,
                    (_, Some(0)) => {}
                    // Disconnecting what another process just disconnected;
                    // scheduling at an instant another's clock move passed.
                    (0..=2, Some(5)) => assert!(stderr.starts_with("error: "), "{stderr}"),
                    _ => panic!("step kind {kind}: exit {code:?}: {stderr}"),
                }
            }
        }
        // No lost update: every post scheduled is there, once.
        let posts = p
            .run(&["--json", "post", "list", "--account", &posts_to.to_string()])
            .ok()
            .json();
        let posts = posts.as_array().unwrap();
        assert!(scheduled > 50, "most schedules are ahead of the clocks");
        assert_eq!(posts.len(), scheduled);
        let mut texts: Vec<&str> = posts.iter().map(|p| p["text"].as_str().unwrap()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), scheduled);
        // No event applied twice: one publication entry per published post.
        let published = posts.iter().filter(|p| p["status"] == "published").count();
        assert!(published > 0, "the clocks moved past some of them");
        let audit = p.run(&["--json", "audit"]).ok().json();
        let mut publications: Vec<String> = audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "publish")
            .map(|e| e["detail"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(publications.len(), published);
        publications.sort();
        publications.dedup();
        assert_eq!(publications.len(), published, "a post published twice");
        // 4 × 25 clock moves of 10 minutes, each applied once.
        let clock = p.run(&["--json", "clock", "show"]).ok().json();
        assert_eq!(clock["demo_clock"], "2026-03-02T01:40:00Z", "{clock}");
    });
}

/// Issue 19: the tables are described once (`store::tables`); both
/// engines' schemas, as their migrations leave them, have exactly those
/// stored columns in that order (this test and the next).
#[test]
fn sqlite_schema_has_the_columns_of_the_one_description() {
    let sqlite = TestPortal::sqlite_file();
    let db = sqlite.db.to_str().unwrap().to_string();
    sqlite
        .run(&[&["--db", &db][..], &crate::common::acme_init(T0)].concat())
        .ok();
    let conn = rusqlite::Connection::open(&sqlite.db).unwrap();
    for table in TABLES {
        // `table_xinfo` lists generated columns too, marked hidden (2, 3).
        let mut stmt = conn
            .prepare(&format!(
                "SELECT name, hidden FROM pragma_table_xinfo('{}')",
                table.name
            ))
            .unwrap();
        let stored: Vec<String> = stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .filter(|(_, hidden)| *hidden == 0)
            .map(|(name, _)| name)
            .collect();
        assert_eq!(stored, table.columns, "SQLite's {}", table.name);
    }
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn postgresql_schema_has_the_columns_of_the_one_description() {
    on_postgres_too(|| {
        let p = TestPortal::new();
        let mut client = p.postgres().expect("a PostgreSQL portal");
        for table in TABLES {
            let stored: Vec<String> = client
                .query(
                    "SELECT column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 \
                     AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    &[&table.name],
                )
                .unwrap()
                .iter()
                .map(|row| row.get(0))
                .collect();
            assert_eq!(stored, table.columns, "PostgreSQL's {}", table.name);
        }
    });
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn a_read_on_postgresql_waits_for_no_writer_and_tells_no_listener_unless_something_was_due() {
    on_postgres_too(|| {
        let p = TestPortal::new();
        let id = p.connect("facebook", "acme", T0);
        let mut listener = p.postgres().expect("a PostgreSQL portal");
        listener
            .batch_execute("LISTEN switchboard_changes")
            .unwrap();
        // Another session holds the portal's write lock (as a long write
        // would): a read with nothing due does not wait for it.
        let mut writer = p.postgres().unwrap();
        let mut held = writer.transaction().unwrap();
        held.batch_execute("SELECT pg_advisory_xact_lock(6005341487947055105)")
            .unwrap();
        let started = std::time::Instant::now();
        let list = p.read("2026-03-02T09:00:00Z", &["account", "list"]);
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert!(started.elapsed() < std::time::Duration::from_secs(3));
        held.rollback().unwrap();
        // No listener was told of a change: nothing changed.
        let heard = listener
            .notifications()
            .timeout_iter(std::time::Duration::from_millis(300))
            .count()
            .unwrap();
        assert_eq!(heard, 0, "a read is not news");
        // The portal's clock mark moved all the same (T4).
        let earlier = p.act(ADMIN, "2026-03-01T12:00:00Z", &["clock", "show"]);
        assert_eq!(earlier.code, 5, "{}", earlier.stderr);
        // With an event due (the deadline, 90 days on), a read sweeps it
        // first, as on a file, and that is news.
        let shown = p.read(
            "2026-06-01T00:00:00Z",
            &["account", "show", &id.to_string()],
        );
        assert_eq!(shown["status"], "disconnected");
        let heard = listener
            .notifications()
            .timeout_iter(std::time::Duration::from_millis(300))
            .count()
            .unwrap();
        assert_eq!(heard, 1, "the sweep's commit told the listener");
    });
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn psqls_habits_work_pgpassword_pgpass_and_pg_variables_and_a_pgpass_others_may_read_is_passed_over()
 {
    on_postgres_too(|| {
        use std::os::unix::fs::PermissionsExt;
        let p = TestPortal::new();
        let db = p.postgres.clone().expect("a PostgreSQL portal");
        // A role that signs in with a password over TCP (SCRAM), as a
        // team's server on another machine would ask.
        let role = format!("sb_pw_{}", std::process::id());
        let mut admin = crate::common::postgres_admin();
        admin
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 's3cret-pw'"
            ))
            .unwrap();
        let home = tempfile::tempdir().unwrap();
        let run = |url: &str, env: &[(&str, &str)]| {
            let mut command = p.command(&["--db", url, "clock", "show"]);
            command.env("HOME", home.path()).env_remove("PGPASSWORD");
            for (k, v) in env {
                command.env(k, v);
            }
            let out = command.output().unwrap();
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        };
        let url = format!("postgres://{role}@127.0.0.1/{db}");
        // Without a password anywhere: refused, one line, exit 1.
        let (code, _, stderr) = run(&url, &[]);
        assert_eq!(code, Some(1), "{stderr}");
        // PGPASSWORD, and the PG variables for what the URL leaves out.
        let (code, stdout, stderr) = run(&url, &[("PGPASSWORD", "s3cret-pw")]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stdout.contains("2026"), "{stdout}");
        let (code, _, stderr) = run(
            "postgresql://",
            &[
                ("PGHOST", "127.0.0.1"),
                ("PGPORT", "5432"),
                ("PGUSER", &role),
                ("PGDATABASE", &db),
                ("PGPASSWORD", "s3cret-pw"),
            ],
        );
        assert_eq!(code, Some(0), "{stderr}");
        // ~/.pgpass, used only when no one else may read it.
        let pgpass = home.path().join(".pgpass");
        std::fs::write(&pgpass, format!("127.0.0.1:5432:{db}:{role}:s3cret-pw\n")).unwrap();
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (code, _, stderr) = run(&url, &[]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("chmod 600"), "{stderr}");
        assert!(!stderr.contains("s3cret-pw"), "{stderr}");
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
        let (code, _, stderr) = run(&url, &[]);
        assert_eq!(code, Some(0), "{stderr}");
        admin
            .batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
            .unwrap();
    });
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn portal_show_says_what_holds_the_portal_and_a_url_asking_for_tls_gets_it_over_tcp() {
    on_postgres_too(|| {
        let p = TestPortal::new();
        // Through the socket: no TLS (libpq ignores sslmode there too).
        let shown = p.read(T0, &["portal", "show"]);
        assert_eq!(shown["engine"], "postgresql", "{shown}");
        assert_eq!(shown["tls"], false, "{shown}");
        assert!(shown["engine_version"].as_str().unwrap().starts_with("15"));
        let human = p.run(&["portal", "show"]).ok().stdout;
        assert!(human.contains("not encrypted"), "{human}");
        // Over TCP with sslmode=require (issue 23): the server sees the
        // session encrypted (pg_stat_ssl), and SCRAM is bound to it.
        let db = p.postgres.clone().unwrap();
        let role = format!("sb_tls_{}", std::process::id());
        let mut admin = crate::common::postgres_admin();
        admin
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 'tls-pw'"
            ))
            .unwrap();
        let url =
            format!("postgres://{role}@127.0.0.1/{db}?sslmode=require&channel_binding=require");
        let out = p
            .command(&["--json", "--db", &url, "portal", "show"])
            .env("PGPASSWORD", "tls-pw")
            .output()
            .unwrap();
        admin
            .batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(shown["tls"], true, "{shown}");
        assert_eq!(shown["tls_sslmode"], "require", "{shown}");
        assert!(
            shown["tls_protocol"]
                .as_str()
                .unwrap()
                .starts_with("TLSv1.")
        );
    });
}
