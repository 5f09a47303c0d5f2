//! iCalendar (RFC 5545) for `switchboard deadlines --format ics` (issue 21):
//! one event per deadline with a UID stable per account and kind (a
//! re-import updates the event, never duplicates it), its sequence the
//! account's version, and an alarm when the reminder goes out. Text is
//! escaped (`\`, `;`, `,`, line breaks) and lines are folded at 75 octets.

use crate::lifecycle::Instant;
use crate::store::reads::{Deadline, DeadlineKind};

/// `20260304T090000Z`
fn stamp(t: Instant) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 §3.3.11: TEXT values escape these; control characters never
/// reach a calendar.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a
/// space, never inside a character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// A name fit for a UID's domain part: the portal's name, lowercased,
/// letters and digits only.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if slug.is_empty() {
        "portal".into()
    } else {
        slug
    }
}

/// The calendar of a portal's deadlines, as of `now`.
pub fn calendar(portal: &str, deadlines: &[Deadline], now: Instant) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Switchboard//Deadlines//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!(
        "X-WR-CALNAME:{}",
        text(&crate::tr!("ics-calendar-name", portal = portal))
    ));
    let domain = slug(portal);
    for d in deadlines {
        let a = &d.record.account;
        let (kind, summary, description) = match d.kind {
            DeadlineKind::Reauthorize => (
                "reauthorize",
                crate::tr!(
                    "ics-reauthorize-summary",
                    network = a.network.label(),
                    handle = a.handle.clone()
                ),
                crate::tr!(
                    "ics-reauthorize-description",
                    name = a.name.clone(),
                    network = a.network.label(),
                    handle = a.handle.clone(),
                    id = a.id
                ),
            ),
            DeadlineKind::Purge => (
                "purge",
                crate::tr!(
                    "ics-purge-summary",
                    network = a.network.label(),
                    handle = a.handle.clone()
                ),
                crate::tr!(
                    "ics-purge-description",
                    name = a.name.clone(),
                    network = a.network.label(),
                    handle = a.handle.clone(),
                    id = a.id
                ),
            ),
        };
        line("BEGIN:VEVENT".into());
        line(format!("UID:{kind}-{}@{domain}.switchboard", a.id));
        line(format!("DTSTAMP:{}", stamp(now)));
        line(format!("DTSTART:{}", stamp(d.at)));
        line(format!(
            "DTEND:{}",
            stamp(d.at + chrono::TimeDelta::minutes(30))
        ));
        line(format!("SEQUENCE:{}", d.record.version.max(0)));
        line(format!("SUMMARY:{}", text(&summary)));
        line(format!("DESCRIPTION:{}", text(&description)));
        for &warned in d.warnings.iter().filter(|w| **w < d.at) {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("DESCRIPTION:{}", text(&summary)));
            line(format!("TRIGGER;VALUE=DATE-TIME:{}", stamp(warned)));
            line("END:VALARM".into());
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// Refuses a `watch --ics` file that is there and is not a calendar: the
/// watch replaces only what it wrote.
pub fn check_replaceable(file: &std::path::Path) -> crate::error::Result<()> {
    if !file.exists() {
        return Ok(());
    }
    let head = crate::files::read_bounded(file, 64).unwrap_or_default();
    if head.starts_with(b"BEGIN:VCALENDAR") {
        return Ok(());
    }
    Err(crate::error::Error::usage(crate::tr!(
        "error-ics-not-calendar",
        path = file.display().to_string()
    )))
}

/// Replaces the calendar whole: written beside it (owner-only), then
/// renamed over it, so a subscriber never reads half a file.
pub fn replace(file: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let building = file.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let _ = std::fs::remove_file(&building);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&building).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&building, file)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&building);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(super::text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        super::fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }
}
