//! The demo portal: `assets/demo/northwind.toml` is a history of dated steps
//! (connects, posts, disconnects, network events...). Each step runs through
//! the store at its own instant, as its user, and the sweep brings the portal
//! to `now` in between: every notification and audit entry comes from the
//! rules, consistent by construction.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::clock::{ClockSource, Now};
use crate::error::{Error, Result};
use crate::lifecycle::account::NetworkReport;
use crate::lifecycle::time::parse_instant;
use crate::lifecycle::{AccountId, Instant, Network, SocialAccess, Tier};
use crate::store::{NewUser, Portal, Session, actions};

/// The bundled demo script.
pub const SCRIPT: &str = include_str!("../../assets/demo/northwind.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Script {
    portal: PortalSpec,
    user: Vec<UserSpec>,
    step: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PortalSpec {
    name: String,
    tier: String,
    start: String,
    now: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserSpec {
    email: String,
    name: String,
    role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    at: String,
    #[serde(rename = "as")]
    actor: Option<String>,
    connect: Option<ConnectSpec>,
    schedule: Option<PostSpec>,
    draft: Option<PostSpec>,
    cancel: Option<PostSpec>,
    disconnect: Option<String>,
    reconnect: Option<String>,
    network_event: Option<EventSpec>,
    deactivate: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConnectSpec {
    network: String,
    handle: String,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostSpec {
    handle: String,
    at: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventSpec {
    handle: String,
    event: String,
}

/// A demo portal as created: where, and who can act in it.
#[derive(Clone, Debug)]
pub struct DemoPortal {
    pub path: PathBuf,
    /// (email, name, role)
    pub users: Vec<(String, String, String)>,
    pub admin: String,
}

fn bad(what: impl Into<String>) -> Error {
    Error::other(
        "demo_script",
        format!("the demo script is malformed: {}", what.into()),
    )
}

fn instant(text: &str) -> Result<Instant> {
    parse_instant(text).map_err(bad)
}

fn new_user(spec: &UserSpec) -> Result<NewUser> {
    let (super_admin, access, can_publish) = match spec.role.as_str() {
        "super_admin" => (true, SocialAccess::All, true),
        "publisher" => (false, SocialAccess::All, true),
        "own_publisher" => (false, SocialAccess::Own, true),
        "viewer" => (false, SocialAccess::Own, false),
        other => return Err(bad(format!("unknown role '{other}'"))),
    };
    Ok(NewUser {
        email: spec.email.clone(),
        name: spec.name.clone(),
        super_admin,
        access,
        can_publish,
    })
}

fn account_by_handle(session: &Session<'_>, handle: &str) -> Result<AccountId> {
    crate::store::accounts::id_by_handle(session.conn(), handle)?
        .ok_or_else(|| bad(format!("no account @{handle} at this step")))
}

/// Creates the demo portal at `path`, never over an existing file: it is
/// built beside it and linked into place once whole.
pub fn build_demo(path: &Path) -> Result<DemoPortal> {
    let demo = crate::files::build_then_link(path, build_at)?;
    Ok(DemoPortal {
        path: path.to_path_buf(),
        ..demo
    })
}

fn build_at(path: &Path) -> Result<DemoPortal> {
    let script: Script = toml::from_str(SCRIPT).map_err(|e| bad(e.to_string()))?;
    let start = instant(&script.portal.start)?;
    let now = instant(&script.portal.now)?;
    let tier = Tier::parse(&script.portal.tier).map_err(bad)?;
    let admin_spec = script
        .user
        .iter()
        .find(|u| u.role == "super_admin")
        .ok_or_else(|| bad("no super admin"))?;
    let admin = new_user(admin_spec)?;
    let mut portal = Portal::create_in_build(path, &script.portal.name, tier, &admin, start)?;
    let portal_ref = &mut portal;
    for spec in script.user.iter().filter(|u| u.email != admin.email) {
        let user = new_user(spec)?;
        portal_ref.run(Some(start), Some(&admin.email), |s| {
            actions::add_user(s, user)
        })?;
    }
    let mut steps: Vec<(Instant, &Step)> = script
        .step
        .iter()
        .map(|s| Ok((instant(&s.at)?, s)))
        .collect::<Result<_>>()?;
    // Steps run in time order; equal instants keep the file's order.
    steps.sort_by_key(|(at, _)| *at);
    for (at, step) in steps {
        run_step(portal_ref, at, step)
            .map_err(|e| bad(format!("the step at {} failed: {e}", step.at)))?;
    }
    // Bring the portal to `now` and stop the demo clock there.
    portal_ref.run_at(
        |_| {
            Ok(Now {
                instant: now,
                source: ClockSource::Demo,
            })
        },
        Some(&admin.email),
        actions::set_demo_clock,
    )?;
    // Closing checkpoints the WAL, so the file is whole on its own.
    drop(portal);
    Ok(DemoPortal {
        path: path.to_path_buf(),
        users: script
            .user
            .iter()
            .map(|u| (u.email.clone(), u.name.clone(), u.role.clone()))
            .collect(),
        admin: admin.email,
    })
}

fn run_step(portal: &mut Portal, at: Instant, step: &Step) -> Result<()> {
    let actor = step.actor.as_deref();
    portal.run(Some(at), actor, |s| {
        if let Some(c) = &step.connect {
            let network = Network::parse(&c.network).map_err(bad)?;
            actions::connect(s, network, &c.handle, Some(&c.name))?;
        }
        if let Some(p) = &step.schedule {
            let id = account_by_handle(s, &p.handle)?;
            let when = instant(p.at.as_deref().ok_or_else(|| bad("schedule needs at"))?)?;
            actions::schedule_post(s, id, when, &p.text)?;
        }
        if let Some(p) = &step.draft {
            let id = account_by_handle(s, &p.handle)?;
            actions::draft_post(s, id, &p.text)?;
        }
        if let Some(p) = &step.cancel {
            let account = account_by_handle(s, &p.handle)?;
            let post = crate::store::posts::find_by_text(s.conn(), account, &p.text)?
                .ok_or_else(|| bad(format!("no post '{}' on @{}", p.text, p.handle)))?;
            actions::cancel_post(s, post)?;
        }
        if let Some(handle) = &step.disconnect {
            let id = account_by_handle(s, handle)?;
            actions::disconnect(s, id, None)?;
        }
        if let Some(handle) = &step.reconnect {
            let id = account_by_handle(s, handle)?;
            actions::reconnect(s, id, None)?;
        }
        if let Some(e) = &step.network_event {
            let id = account_by_handle(s, &e.handle)?;
            let report = NetworkReport::parse(&e.event).map_err(bad)?;
            actions::network_event(s, id, report)?;
        }
        if let Some(email) = &step.deactivate {
            actions::deactivate_user(s, email)?;
        }
        Ok(())
    })
}

/// Whether the file at `path` is a demo portal: a portal with the demo's
/// name and its super admin. Anything else (not a portal, unreadable, a
/// real portal) is not, and is never replaced by a new demo.
pub fn is_demo(path: &Path) -> bool {
    let Ok(script) = toml::from_str::<Script>(SCRIPT) else {
        return false;
    };
    let Some(admin) = script.user.iter().find(|u| u.role == "super_admin") else {
        return false;
    };
    let Ok(portal) = Portal::open(path) else {
        return false;
    };
    let conn = portal.connection();
    let name: Option<String> = conn
        .query_row("SELECT name FROM portal WHERE id = 1", [], |r| r.get(0))
        .ok();
    name.as_deref() == Some(script.portal.name.as_str())
        && matches!(
            crate::store::users::by_email(conn, &admin.email),
            Ok(Some(_))
        )
}
