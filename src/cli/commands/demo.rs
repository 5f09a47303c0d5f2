//! `demo` and `tour`: the demo portal and the guided tours.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json as j};

use super::data_dir;
use crate::cli::args::Cli;
use crate::cli::output::{Output, Shown};
use crate::demo::DemoPortal;
use crate::error::{Error, Result};
use crate::store::{Portal, users};

/// The demo portal's file when --db is not given: one, rebuilt by every run.
const DEMO_FILE: &str = "demo.db";

/// A new demo portal: at --db (never over a file), else `demo.db` in the
/// data directory, rebuilt over the previous demo (and only over a demo).
fn new_demo(cli: &Cli) -> Result<DemoPortal> {
    match &cli.global.db {
        Some(path) => crate::demo::build_demo(path),
        None => {
            let dir = data_dir()?;
            crate::files::create_private_dir(&dir)?;
            rebuild_demo(&dir.join(DEMO_FILE))
        }
    }
}

/// Replaces the demo portal at `path` with a fresh one. Whatever else is
/// there (a real portal, any other file) is left alone, with an error.
fn rebuild_demo(path: &Path) -> Result<DemoPortal> {
    if path.exists() {
        if !crate::demo::portal::is_demo(path) {
            return Err(Error::conflict(
                "file_exists",
                crate::tr!("error-not-a-demo", path = path.display().to_string()),
            ));
        }
        crate::files::remove_portal(path)?;
    }
    crate::demo::build_demo(path)
}

struct DemoMade<'a>(&'a DemoPortal);

impl Shown for DemoMade<'_> {
    fn json(&self) -> Value {
        let users: Vec<Value> = self
            .0
            .users
            .iter()
            .map(|(email, name, role)| j!({"email": email, "name": name, "role": role}))
            .collect();
        j!({"db": self.0.path.display().to_string(), "users": users})
    }

    fn human(&self) -> String {
        let demo = self.0;
        let mut lines = vec![crate::tr!(
            "cli-demo-created",
            path = demo.path.display().to_string()
        )];
        for (email, name, role) in &demo.users {
            lines.push(format!("  {email:<24} {name:<12} {role}"));
        }
        lines.push(crate::tr!(
            "cli-demo-open",
            path = demo.path.display().to_string(),
            admin = demo.admin.clone()
        ));
        lines.join("\n")
    }
}

/// `demo [--no-tui]`.
pub fn demo<W: Write>(cli: &Cli, out: &mut Output<W>, no_tui: bool) -> Result<()> {
    // The demo is built as a file, then linked into place (never half a
    // portal): move it to a server afterwards with `migrate`.
    if let Some(path) = &cli.global.db
        && crate::store::Location::of(path).postgres().is_some()
    {
        return Err(crate::store::sqlite_only("demo"));
    }
    let demo = new_demo(cli)?;
    if no_tui {
        return out.show(&DemoMade(&demo));
    }
    let options = crate::tui::Options {
        record: cli.global.record.clone(),
        // The article's tour in the language being spoken.
        tour: Some(crate::demo::tour::article_in(crate::i18n::current())),
    };
    let actor = cli.global.as_user.clone().unwrap_or(demo.admin.clone());
    crate::tui::run(&demo.path, Some(&actor), None, options)
}

/// `tour FILE [--headless] [--size WxH]`.
pub fn tour<W: Write>(
    cli: &Cli,
    out: &mut Output<W>,
    file: &str,
    headless: bool,
    size: &str,
) -> Result<()> {
    let (name, text) = crate::demo::tour::load(file)?;
    let size = crate::tui::headless::parse_size(size)?;
    // A tour speaks its own language, and so does the demo built for it.
    crate::i18n::set(crate::demo::tour::lang_of(&text));
    if !headless {
        let db = match &cli.global.db {
            Some(db) => db.clone(),
            None => new_demo(cli)?.path,
        };
        let options = crate::tui::Options {
            record: cli.global.record.clone(),
            tour: Some((name, text)),
        };
        return crate::tui::run(&db, cli.global.as_user.as_deref(), None, options);
    }
    // Headless: on --db, or on a fresh demo portal in a private scratch
    // folder (made by mkdtemp: no other user can have made or linked it).
    let scratch = match &cli.global.db {
        Some(_) => None,
        None => Some(
            tempfile::Builder::new()
                .prefix("switchboard-tour-")
                .tempdir()
                .map_err(|e| Error::other("io", format!("cannot make a scratch folder: {e}")))?,
        ),
    };
    let db: PathBuf = match (&cli.global.db, &scratch) {
        (Some(db), _) => db.clone(),
        (None, Some(dir)) => crate::demo::build_demo(&dir.path().join(DEMO_FILE))?.path,
        (None, None) => unreachable!("a scratch folder exists without --db"),
    };
    let portal = Portal::open(&db)?;
    let parsed = crate::demo::tour::parse(&name, &text, portal.connection())?;
    let actor = match cli.global.as_user.clone() {
        Some(email) => email,
        None => users::super_admins(portal.connection())?
            .into_iter()
            .find(|u| u.active)
            .map(|u| u.email)
            .ok_or_else(|| Error::usage(crate::tr!("error-no-super-admin")))?,
    };
    drop(portal);
    // A tour's steps are screens, printed as Markdown: no JSON document
    // holds them honestly (docs/CLI.md: --json is one document or none).
    // A tour with mistakes is still checked and its error is JSON.
    if cli.global.json {
        return Err(Error::invalid(
            "json_not_supported",
            crate::tr!("error-tour-json"),
        ));
    }
    let result = crate::tui::headless::run(
        &db,
        parsed,
        &actor,
        size,
        cli.global.record.as_deref(),
        out.writer(),
    );
    drop(scratch);
    result
}
