//! `portal show|set`: the portal's own settings (issue 21), its time zone
//! for people and its reminder plan.

use std::io::Write;

use serde_json::Value;

use crate::cli::args::PortalCommand;
use crate::cli::output::{Output, Shown};
use crate::error::{Error, Result};
use crate::lifecycle::{PlanError, ReminderPlan};
use crate::store::Session;
use crate::store::settings_actions::{self, PortalChange};

struct Settings {
    portal: String,
    timezone: Option<String>,
    reminders: ReminderPlan,
    /// What holds it: the engine, its version, TLS (issue 23, item 3).
    engine: crate::store::reads::EngineInfo,
}

impl Shown for Settings {
    fn json(&self) -> Value {
        serde_json::json!({
            "portal": self.portal,
            "timezone": self.timezone.clone().unwrap_or_else(|| "UTC".into()),
            "reminders": crate::present::leads(self.reminders.leads()).replace(' ', ""),
            "reminder_leads_seconds": self.reminders.leads(),
            "engine": self.engine.engine,
            "engine_version": self.engine.version,
            "tls": match &self.engine.tls {
                None => serde_json::Value::Null,
                Some(None) => false.into(),
                Some(Some(_)) => true.into(),
            },
            "tls_protocol": self.engine.tls.clone().flatten(),
            "tls_certificate_subject": self.engine.certificate.as_ref().and_then(|c| c.0.clone()),
            "tls_sslmode": self.engine.certificate.as_ref().map(|c| c.1),
        })
    }

    fn human(&self) -> String {
        let settings = crate::tr!(
            "cli-portal-settings",
            portal = crate::present::escape_control(&self.portal),
            zone = self.timezone.clone().unwrap_or_else(|| "UTC".into()),
            reminders = crate::present::leads(self.reminders.leads())
        );
        let version = crate::present::escape_control(&self.engine.version).into_owned();
        let engine = match &self.engine.tls {
            None => crate::tr!("cli-portal-engine-file", version = version),
            Some(None) => crate::tr!("cli-portal-engine-server-clear", version = version),
            Some(Some(protocol)) => crate::tr!(
                "cli-portal-engine-server-tls",
                version = version,
                protocol = crate::present::escape_control(protocol).into_owned()
            ),
        };
        match &self.engine.certificate {
            Some((subject, mode)) => {
                let certificate = crate::tr!(
                    "cli-portal-engine-certificate",
                    subject = crate::present::escape_control(subject.as_deref().unwrap_or("?"))
                        .into_owned(),
                    mode = *mode
                );
                format!("{settings}\n{engine}\n{certificate}")
            }
            None => format!("{settings}\n{engine}"),
        }
    }
}

/// `7d,1d` as a plan; a mistake says which lead and what is allowed.
pub fn parse_reminders(text: &str) -> Result<ReminderPlan> {
    let bad = |why: String| {
        Error::invalid(
            "bad_reminders",
            crate::tr!(
                "error-bad-reminders",
                value = crate::present::escape_control(text),
                why = why
            ),
        )
    };
    let mut leads = Vec::new();
    for part in text.split(',') {
        let lead = crate::lifecycle::time::parse_duration(part.trim())
            .map_err(|e| bad(String::from(e)))?;
        leads.push(lead.num_seconds());
    }
    ReminderPlan::new(&leads).map_err(|e| {
        bad(match e {
            PlanError::Empty => crate::tr!("reminders-empty"),
            PlanError::TooMany { most } => crate::tr!("reminders-too-many", most = most),
            PlanError::OutOfRange {
                lead,
                shortest,
                longest,
            } => crate::tr!(
                "reminders-out-of-range",
                lead = crate::present::leads(&[lead]),
                shortest = crate::present::leads(&[shortest]),
                longest = crate::present::leads(&[longest])
            ),
            PlanError::Repeated { lead } => {
                crate::tr!("reminders-repeated", lead = crate::present::leads(&[lead]))
            }
        })
    })
}

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &PortalCommand,
) -> Result<()> {
    if let PortalCommand::Set {
        timezone,
        reminders,
    } = command
    {
        if timezone.is_none() && reminders.is_none() {
            return Err(Error::usage(crate::tr!("error-portal-set-nothing")));
        }
        let change = PortalChange {
            timezone: timezone
                .as_deref()
                .map(|zone| (!zone.trim().eq_ignore_ascii_case("utc")).then(|| zone.to_string())),
            reminders: reminders.as_deref().map(parse_reminders).transpose()?,
        };
        settings_actions::set_portal(session, &change)?;
    }
    out.show(&Settings {
        engine: crate::store::reads::engine(session.conn())?,
        portal: session.info.name.clone(),
        timezone: session.info.timezone.clone(),
        reminders: session.info.reminders,
    })
}
