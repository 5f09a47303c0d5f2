//! Issue 10: the CLI fits the shell. Completions and the man page, help that
//! explains, clap's own errors on the one `error:` line, CSV and export,
//! sweep summaries, the config's defaults.

use crate::common::{ADMIN, T0, TestPortal};
use clap::CommandFactory;
use serde_json::Value;
use switchboard::cli::args::Cli;

/// Every subcommand's name, nested ones too.
fn subcommand_names() -> Vec<String> {
    fn walk(command: &clap::Command, names: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            names.push(sub.get_name().to_string());
            walk(sub, names);
        }
    }
    let mut names = Vec::new();
    walk(&Cli::command(), &mut names);
    names
}

/// Every long flag, in every command.
fn long_flags() -> Vec<String> {
    fn walk(command: &clap::Command, flags: &mut Vec<String>) {
        for arg in command.get_arguments() {
            if let Some(long) = arg.get_long() {
                flags.push(long.to_string());
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, flags);
        }
    }
    let mut flags = Vec::new();
    walk(&Cli::command(), &mut flags);
    flags.sort();
    flags.dedup();
    flags
}

#[test]
fn completions_of_every_shell_name_every_subcommand() {
    let p = TestPortal::empty();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = p.run(&["completions", shell]).ok();
        for name in subcommand_names() {
            assert!(
                run.stdout.contains(&name),
                "the {shell} script does not mention '{name}'"
            );
        }
    }
    let unknown = p.run(&["completions", "tcsh"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.starts_with("error: "), "{}", unknown.stderr);
}

#[test]
fn the_man_page_names_every_flag() {
    let p = TestPortal::empty();
    let run = p.run(&["man"]).ok();
    assert!(run.stdout.starts_with(".ie") || run.stdout.contains(".TH"));
    // roff writes a dash as \-.
    let page = run.stdout.replace("\\-", "-");
    for flag in long_flags() {
        assert!(
            page.contains(&format!("--{flag}")),
            "the man page lacks --{flag}"
        );
    }
    let lower = page.to_lowercase();
    for name in subcommand_names() {
        assert!(lower.contains(&name), "the man page lacks '{name}'");
    }
}

#[test]
fn every_argument_has_a_description_and_globals_their_own_heading() {
    fn walk(command: &clap::Command, path: &str) {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            assert!(
                arg.get_help().is_some() || arg.get_long_help().is_some(),
                "{path}: the argument '{id}' has no description"
            );
            if arg.is_global_set() {
                assert_eq!(
                    arg.get_help_heading(),
                    Some("Global options"),
                    "{path} {id}"
                );
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()));
        }
    }
    walk(&Cli::command(), "switchboard");
    let p = TestPortal::empty();
    let help = p.run(&["account", "list", "--help"]).ok().stdout;
    assert!(help.contains("Global options:"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
}

#[test]
fn a_missing_argument_is_named_on_the_error_line_with_the_usage() {
    let p = TestPortal::new();
    let run = p.run(&["post", "schedule", "3", "--at", "2026-04-01T09:00:00Z"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("--text <TEXT>"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Usage: switchboard post schedule"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("see 'switchboard post schedule --help'"),
        "{}",
        run.stderr
    );
    // The same message in --json.
    let json = p.run(&["--json", "post", "schedule", "3"]);
    assert_eq!(json.code, 2);
    let doc = json.json();
    assert_eq!(doc["error"]["code"], "usage");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.contains("--text <TEXT>") && message.contains("--at <RFC3339>"));
    assert_eq!(json.stderr.trim_end(), format!("error: {message}"));
}

#[test]
fn a_typo_gets_a_suggestion() {
    let p = TestPortal::new();
    let sub = p.run(&["acount", "list"]);
    assert_eq!(sub.code, 2);
    assert!(sub.stderr.starts_with("error: "), "{}", sub.stderr);
    assert!(sub.stderr.contains("'account'"), "{}", sub.stderr);
    let flag = p.run(&["account", "list", "--al"]);
    assert_eq!(flag.code, 2);
    assert!(flag.stderr.contains("'--all'"), "{}", flag.stderr);
    let nested = p.run(&["account", "lst"]);
    assert_eq!(nested.code, 2);
    assert!(nested.stderr.contains("'list'"), "{}", nested.stderr);
    // A command that needs a subcommand says which ones it has.
    let bare = p.run(&["clock"]);
    assert_eq!(bare.code, 2);
    assert_eq!(bare.stderr.lines().count(), 1, "{}", bare.stderr);
    assert!(
        bare.stderr.contains("show, set, advance, unset"),
        "{}",
        bare.stderr
    );
}

/// Reads CSV text into rows of fields.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn account_list_post_list_and_audit_print_csv_with_a_header() {
    let p = TestPortal::new();
    let id = p.connect_named("facebook", "acme", "=HYPERLINK(\"x\"), Inc.", T0);
    p.schedule(id, T0, "2026-03-20T09:00:00Z");
    let accounts = csv_rows(
        &p.run(&["--now", T0, "account", "list", "--format", "csv"])
            .ok()
            .stdout,
    );
    assert_eq!(
        accounts[0][0..5],
        ["id", "network", "handle", "name", "status"]
    );
    assert_eq!(accounts.len(), 2);
    assert_eq!(accounts[1][1], "facebook");
    // A spreadsheet would run a leading '=': it is made inert; the comma
    // and quotes survive the quoting.
    assert_eq!(accounts[1][3], "'=HYPERLINK(\"x\"), Inc.");
    let posts = csv_rows(
        &p.run(&["--now", T0, "post", "list", "--format", "csv"])
            .ok()
            .stdout,
    );
    assert_eq!(posts[0][0..3], ["id", "account_id", "status"]);
    assert_eq!(posts[1][2], "scheduled");
    assert_eq!(posts[1][4], "2026-03-20T09:00:00Z");
    let audit = csv_rows(
        &p.run(&["--now", T0, "audit", "--format", "csv"])
            .ok()
            .stdout,
    );
    assert_eq!(audit[0][0..4], ["id", "at", "actor", "action"]);
    assert!(audit.iter().any(|r| r[3] == "connect"));
    // An empty list is its header alone; two forms at once are refused.
    let none = p.run(&[
        "--now", T0, "post", "list", "--tab", "drafts", "--format", "csv",
    ]);
    assert_eq!(csv_rows(&none.ok().stdout).len(), 1);
    let both = p.run(&["--json", "audit", "--format", "csv"]);
    assert_eq!(both.code, 2);
    assert!(both.stderr.starts_with("error: "), "{}", both.stderr);
}

#[test]
fn e1_account_export_writes_the_whole_history_before_the_purge() {
    let p = TestPortal::new();
    let id = p.connect("linkedin", "acme", T0);
    p.schedule(id, T0, "2026-03-20T09:00:00Z");
    p.act(ADMIN, T0, &["account", "disconnect", &id.to_string()])
        .ok();
    // LinkedIn's window is 60 days: the purge warning comes 7 days before.
    let warned = "2026-04-25T09:00:00Z";
    p.read(warned, &["sweep"]);
    let inbox = p
        .run(&["--as", ADMIN, "--now", warned, "notifications"])
        .ok();
    assert!(
        inbox
            .stdout
            .contains(&format!("switchboard account export {id}")),
        "the purge warning names the command: {}",
        inbox.stdout
    );
    let doc: Value = serde_json::from_str(
        &p.run(&["--now", warned, "account", "export", &id.to_string()])
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["account"]["id"], id);
    assert_eq!(doc["account"]["status"], "disconnected");
    assert_eq!(doc["posts"].as_array().unwrap().len(), 1);
    assert_eq!(doc["posts"][0]["status"], "canceled");
    assert!(!doc["notifications"].as_array().unwrap().is_empty());
    let actions: Vec<&str> = doc["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"connect") && actions.contains(&"purge_warning"));
    // To a new file, the owner's only; never over an existing one.
    let file = p.dir.path().join("acme.json");
    let run = p.run(&[
        "--now",
        warned,
        "account",
        "export",
        &id.to_string(),
        "--output",
        file.to_str().unwrap(),
    ]);
    run.ok();
    let written: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written["account"]["id"], id);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    std::fs::write(&file, b"keep me").unwrap();
    let again = p.run(&[
        "--now",
        warned,
        "account",
        "export",
        &id.to_string(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(again.code, 5, "{}", again.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    // An account without posts or notifications still has every section.
    let quiet = p.connect("x", "quiet", warned);
    let doc: Value = serde_json::from_str(
        &p.run(&["--now", warned, "account", "export", &quiet.to_string()])
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["posts"], serde_json::json!([]));
    assert_eq!(doc["notifications"], serde_json::json!([]));
    assert_eq!(doc["audit"].as_array().unwrap().len(), 1);
}

#[test]
fn r12_a_sweep_prints_a_summary_by_kind_and_each_event_with_verbose() {
    let p = TestPortal::new();
    let id = p.connect("facebook", "acme", T0);
    p.schedule(id, T0, "2026-03-10T09:00:00Z");
    p.schedule(id, T0, "2026-03-11T09:00:00Z");
    let summary = p
        .run(&["--now", "2026-05-25T09:00:00Z", "sweep"])
        .ok()
        .stdout;
    assert!(summary.contains("3 events on 1 account:"), "{summary}");
    assert!(
        summary.contains("2 posts published at their time"),
        "{summary}"
    );
    assert!(
        summary.contains("1 reauthorization reminder (1 notification in all)"),
        "{summary}"
    );
    assert!(
        !summary.contains("post #"),
        "no event lines without --verbose: {summary}"
    );
    assert!(!summary.contains('['), "no unexplained counts: {summary}");
    let q = TestPortal::new();
    let id = q.connect("facebook", "acme", T0);
    q.schedule(id, T0, "2026-03-10T09:00:00Z");
    let verbose = q
        .run(&["--now", "2026-05-25T09:00:00Z", "sweep", "--verbose"])
        .ok()
        .stdout;
    assert!(verbose.contains("published"), "{verbose}");
    assert!(
        verbose.contains("reauthorization reminder sent to 1 user"),
        "{verbose}"
    );
    // Without a terminal, no progress bar on stderr.
    let run = q.run(&["--now", "2026-09-25T09:00:00Z", "sweep"]).ok();
    assert_eq!(run.stderr, "");
}

#[test]
fn account_list_limit_0_does_not_claim_there_are_no_accounts() {
    let p = TestPortal::new();
    p.connect("facebook", "acme", T0);
    let run = p
        .run(&["--now", T0, "account", "list", "--limit", "0"])
        .ok();
    assert!(!run.stdout.contains("No accounts yet"), "{}", run.stdout);
    assert!(
        run.stdout.contains("--limit 0 lists nothing"),
        "{}",
        run.stdout
    );
}

#[test]
fn config_default_prints_every_bindable_action_and_reads_back_as_the_defaults() {
    let p = TestPortal::empty();
    let text = p.run(&["config", "--default"]).ok().stdout;
    for action in [
        "quit",
        "disconnect",
        "reconnect",
        "page_down",
        "tour_next",
        "cancel_post",
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{action} = ["))),
            "{action} missing from:\n{text}"
        );
    }
    let parsed = switchboard::tui::config::parse(&text).unwrap();
    let defaults = switchboard::tui::keymap::Keymap::default();
    for binding in &defaults.bindings {
        let read = parsed.keymap.binding(binding.action).unwrap();
        assert_eq!(read.keys, binding.keys, "{:?}", binding.action);
    }
}

#[test]
fn generate_says_nothing_on_stderr_without_a_terminal() {
    let p = TestPortal::empty();
    let run = p
        .run(&["generate", "--accounts", "50", "--posts", "500"])
        .ok();
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with("Generated 50 accounts"),
        "{}",
        run.stdout
    );
}

/// The binary with these arguments on a fresh portal, stdout and stderr
/// where the caller says.
fn run_to(
    p: &TestPortal,
    args: &[&str],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> std::process::Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("switchboard"))
        .current_dir(p.dir.path())
        .env("SWITCHBOARD_DB", &p.db)
        .env("SWITCHBOARD_LANG", "en")
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", p.dir.path().join("config"))
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .unwrap()
}

#[test]
fn a_full_or_closed_output_is_an_error_or_a_quiet_end_never_a_panic() {
    let p = TestPortal::initialised_at(T0);
    for n in 0..40 {
        p.connect("facebook", &format!("acme{n}"), T0);
    }
    let full = || std::fs::File::create("/dev/full").unwrap().into();
    // A full stdout: the error says so, exit 1.
    let out = run_to(
        &p,
        &["account", "list"],
        full(),
        std::process::Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot write the output"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A full stderr under an error: the error's own exit code.
    let out = run_to(
        &p,
        &["account", "show", "999"],
        std::process::Stdio::piped(),
        full(),
    );
    assert_eq!(out.status.code(), Some(4));
    // A reader that stops after one line: a quiet end.
    let head = std::process::Command::new("sh")
        .args([
            "-c",
            "\"$0\" account list | head -1 >/dev/null; echo \"${PIPESTATUS:-}\"",
            assert_cmd::cargo::cargo_bin("switchboard")
                .to_str()
                .unwrap(),
        ])
        .env("SWITCHBOARD_DB", &p.db)
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", p.dir.path().join("config"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&head.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn a_tour_or_config_that_never_ends_is_refused_at_a_mebibyte() {
    let p = TestPortal::initialised_at(T0);
    let run = p.run(&["tour", "/dev/zero", "--headless"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("larger than 1024 KiB"),
        "{}",
        run.stderr
    );
    let config = p.dir.path().join("config").join("switchboard");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), vec![b'#'; 2 * 1024 * 1024]).unwrap();
    let watch = run_to(
        &p,
        &["watch"],
        std::process::Stdio::piped(),
        std::process::Stdio::piped(),
    );
    assert_eq!(watch.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&watch.stderr);
    assert!(stderr.contains("larger than 1024 KiB"), "{stderr}");
}

#[test]
fn tour_refuses_json_rather_than_print_markdown_under_it() {
    let p = TestPortal::initialised_at(T0);
    let tour = p.dir.path().join("tiny.toml");
    std::fs::write(
        &tour,
        "title = \"t\"\n[[step]]\ntitle = \"s\"\nnarration = \"n\"\n",
    )
    .unwrap();
    let run = p.run(&["--json", "tour", tour.to_str().unwrap(), "--headless"]);
    assert_eq!(run.code, 2);
    let doc: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(doc["error"]["code"], "json_not_supported");
}

#[test]
fn a_database_password_never_shows_in_any_output_or_log_line() {
    let p = TestPortal::initialised_at(T0);
    let secret = "Sekr1tPassw0rd";
    // Every form the PostgreSQL driver reads a password from, at a port
    // nobody listens on (the command fails, naming where it went).
    let forms = [
        format!("postgres://root:{secret}@127.0.0.1:1/portal"),
        format!("postgres://root@127.0.0.1:1/portal?password={secret}"),
        format!("postgresql://127.0.0.1:1/portal?sslmode=disable&password={secret}"),
        format!("host=127.0.0.1 port=1 password={secret} dbname=portal"),
        format!("host=127.0.0.1 password='{secret} x' dbname=portal"),
    ];
    let log_dir = p.dir.path().join("data");
    for form in &forms {
        for args in [
            vec!["--db", form.as_str(), "account", "list"],
            vec!["migrate", "--from", form.as_str(), "--to", "copy.db"],
            vec![
                "migrate",
                "--from",
                p.db.to_str().unwrap(),
                "--to",
                form.as_str(),
            ],
            vec!["--json", "--db", form.as_str(), "watch"],
        ] {
            let out = run_to(
                &p,
                &args,
                std::process::Stdio::piped(),
                std::process::Stdio::piped(),
            );
            let said = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert_ne!(out.status.code(), Some(0), "{args:?}: {said}");
            assert!(!said.contains(secret), "{args:?} printed it: {said}");
        }
    }
    // The logs of all those runs.
    let mut logs = String::new();
    for entry in crate::common::files_under(&log_dir) {
        logs.push_str(&std::fs::read_to_string(entry).unwrap_or_default());
    }
    assert!(!logs.contains(secret), "a log line holds it");
}

#[test]
fn an_export_held_up_by_its_reader_never_blocks_another_command() {
    if crate::common::sqlite_files_only("generate") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    let bin = assert_cmd::cargo::cargo_bin("switchboard");
    let generated = std::process::Command::new(&bin)
        .args(["--db", db.to_str().unwrap(), "generate", "--accounts", "4"])
        .args(["--posts", "4000"])
        .output()
        .unwrap();
    assert!(generated.status.success(), "{generated:?}");
    // An export whose reader never reads: it stops once the pipe is full,
    // part-way through a history of 450 KB.
    let mut export = std::process::Command::new(&bin)
        .args(["--db", db.to_str().unwrap(), "account", "export", "2"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    assert!(export.try_wait().unwrap().is_none(), "the export finished");
    let started = std::time::Instant::now();
    let admin = std::process::Command::new(&bin)
        .args(["--db", db.to_str().unwrap(), "--json", "user", "list"])
        .output()
        .unwrap();
    let admin: Value = serde_json::from_slice(&admin.stdout).unwrap();
    let admin = admin[0]["email"].as_str().unwrap().to_string();
    let write = std::process::Command::new(&bin)
        .args(["--db", db.to_str().unwrap(), "--as", &admin])
        .args(["user", "add", "new@example.com", "--name", "New"])
        .output()
        .unwrap();
    let took = started.elapsed();
    let _ = export.kill();
    let _ = export.wait();
    assert!(
        write.status.success(),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );
    assert!(took < std::time::Duration::from_secs(3), "waited {took:?}");
}

#[test]
fn bash_completes_the_values_of_every_closed_choice_not_file_names() {
    let p = TestPortal::initialised_at(T0);
    let script = p.run(&["completions", "bash"]).ok().stdout;
    let file = p.dir.path().join("switchboard.bash");
    std::fs::write(&file, script).unwrap();
    for (line, expected) in [
        ("account list --status ", "attention"),
        ("account list --sort ", "urgency"),
        ("account list --network ", "linkedin"),
        ("post list --tab ", "canceled"),
        ("user add x@y.z --access ", "own"),
        ("user set x@y.z --lang ", "it"),
        ("user set x@y.z --email-notifications ", "off"),
        ("tier set ", "enterprise"),
        ("network-event 1 ", "security"),
        ("account connect ", "youtube"),
    ] {
        let words: Vec<&str> = line.split_whitespace().collect();
        let prev = words.last().unwrap();
        // Real bash, the way it calls a completion function.
        let program = format!(
            "source {}\nCOMP_WORDS=(switchboard {} '')\nCOMP_CWORD={}\nCOMP_LINE='switchboard {line}'\nCOMP_POINT=${{#COMP_LINE}}\n_switchboard switchboard '' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            words.join(" "),
            words.len() + 1
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &program])
            .current_dir(p.dir.path())
            .output()
            .unwrap();
        let offered = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            offered.lines().any(|l| l == expected),
            "{line}: offered {offered:?} ({})",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !offered.lines().any(|l| l == "switchboard.bash"),
            "{line}: offered file names"
        );
    }
}

#[test]
fn every_manual_page_a_page_refers_to_is_written_and_examples_keep_their_lines() {
    let p = TestPortal::initialised_at(T0);
    let dir = p.dir.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    p.run(&["man", "--dir", dir.to_str().unwrap()]).ok();
    let written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written.contains(&"switchboard-watch.1".to_string()),
        "{written:?}"
    );
    let reference = |text: &str| -> Vec<String> {
        text.split(|c: char| {
            !(c.is_alphanumeric() || c == '-' || c == '(' || c == ')' || c == '\\')
        })
        .filter_map(|w| {
            w.replace("\\-", "-")
                .strip_suffix("(1)")
                .map(str::to_string)
        })
        .filter(|w| w.starts_with("switchboard"))
        .collect()
    };
    for file in &written {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for page in reference(&text) {
            assert!(
                written.contains(&format!("{page}.1")),
                "{file} refers to {page}(1), which was not written"
            );
        }
    }
    let watch = std::fs::read_to_string(dir.join("switchboard-init.1")).unwrap();
    let examples = watch
        .split(".SH EXAMPLES")
        .nth(1)
        .expect("an EXAMPLES section");
    assert!(examples.trim_start().starts_with(".nf"), "{examples}");
    // The one page on stdout refers to no page that is not there.
    let one = p.run(&["man"]).ok().stdout;
    assert!(reference(&one).is_empty(), "{:?}", reference(&one));
    assert!(one.contains(".nf"));
}

/// Whether a tool this test needs is here; without it the test says
/// "skipped", and under CI (where the machine image has it) fails.
fn tool_here(tool: &str) -> bool {
    let here = std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !here {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is missing under CI"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    here
}

#[test]
fn the_watch_unit_verifies_clean_and_is_sandboxed_to_an_exposure_of_4_or_less() {
    if !tool_here("systemd-analyze") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/systemd/switchboard-watch.service"
    ))
    .unwrap()
    // As installed: the binary where the unit will find it.
    .replace(
        "%h/.cargo/bin/switchboard",
        assert_cmd::cargo::cargo_bin("switchboard")
            .to_str()
            .unwrap(),
    );
    let file = dir.path().join("switchboard-watch.service");
    std::fs::write(&file, unit).unwrap();
    let verify = std::process::Command::new("systemd-analyze")
        .args(["verify", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(verify.status.success(), "{verify:?}");
    assert!(
        verify.stderr.is_empty() && verify.stdout.is_empty(),
        "{verify:?}"
    );
    let security = std::process::Command::new("systemd-analyze")
        .args(["security", "--offline=true", file.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&security.stdout);
    let score: f64 = text
        .lines()
        .find_map(|l| {
            l.split("exposure level for switchboard-watch.service: ")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no score in {text}"));
    assert!(score <= 4.0, "exposure {score}");
    // The README and the unit say the same score.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&format!("rates it {score:.1}")),
        "README's score"
    );
}

#[test]
fn a_generated_accounts_name_carries_its_own_id() {
    if crate::common::sqlite_files_only("generate") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    let bin = assert_cmd::cargo::cargo_bin("switchboard");
    let made = std::process::Command::new(&bin)
        .args([
            "--db",
            db.to_str().unwrap(),
            "generate",
            "--accounts",
            "30",
            "--posts",
            "10",
        ])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    for id in ["1", "17", "30"] {
        let shown = std::process::Command::new(&bin)
            .args([
                "--db",
                db.to_str().unwrap(),
                "--json",
                "account",
                "show",
                id,
            ])
            .output()
            .unwrap();
        let account: Value = serde_json::from_slice(&shown.stdout).unwrap();
        let name = account["name"].as_str().unwrap().to_string();
        assert_eq!(name, format!("Brand {:06}", id.parse::<u32>().unwrap()));
    }
}

#[test]
fn the_audit_log_lists_entries_of_one_second_in_the_order_they_were_written() {
    let p = TestPortal::initialised_at(T0);
    // Same instant, with and without an account: written in this order.
    p.connect("facebook", "acme", T0);
    p.act(
        ADMIN,
        T0,
        &["user", "add", "bo@example.com", "--name", "Bo"],
    )
    .ok();
    p.connect("instagram", "acme", T0);
    let log = p.run(&["--json", "audit"]).ok().json();
    let entries = log.as_array().unwrap();
    for pair in entries.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a["at"] == b["at"] {
            assert!(a["id"].as_i64() < b["id"].as_i64(), "{a} before {b}");
        }
    }
}

#[test]
fn a_usage_line_shows_options_with_defaults_as_options_even_when_the_environment_sets_them() {
    let p = TestPortal::initialised_at(T0);
    for lang in ["en", "it"] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("switchboard"))
            .env("SWITCHBOARD_DB", &p.db)
            .env("SWITCHBOARD_USER", ADMIN)
            .env("SWITCHBOARD_LANG", lang)
            .args(["account", "disconnect"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("switchboard account disconnect [OPTIONS] <ID>..."),
            "{lang}: {stderr}"
        );
        assert!(!stderr.contains("--db <PATH>"), "{lang}: {stderr}");
    }
}

#[test]
fn user_set_without_a_flag_shows_the_channels_and_writes_nothing() {
    let p = TestPortal::initialised_at(T0);
    let before = p
        .run(&["--json", "audit"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .len();
    let run = p.run(&["--as", ADMIN, "user", "set", ADMIN]).ok();
    assert!(
        run.stdout.contains("language as the watch's default"),
        "{}",
        run.stdout
    );
    let after = p
        .run(&["--json", "audit"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "a look is not audited as a change");
}
