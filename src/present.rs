//! Words both faces use to show things to people: relative times, plurals,
//! sentences, columns. Presentation only: no rule lives here.

use crate::lifecycle::Instant;

/// "in 3 days", "5 hours ago", "now".
pub fn relative(t: Instant, now: Instant) -> String {
    let seconds = (t - now).num_seconds();
    let span = seconds.unsigned_abs();
    let unit = |n: u64, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let text = match span {
        0..=59 => return "now".into(),
        60..=3_599 => unit(span / 60, "minute"),
        3_600..=86_399 => unit(span / 3_600, "hour"),
        _ => unit(span / 86_400, "day"),
    };
    if seconds > 0 {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

/// "1 post", "2 posts".
pub fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A message as a sentence: capitalised, with a full stop.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// Cuts a text to `width` characters, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A column of exactly `width` characters: cut, or padded.
pub fn column(text: &str, width: usize) -> String {
    format!("{:<width$}", truncate(text, width))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::time::{days, parse_instant};

    #[test]
    fn relative_times_read_naturally() {
        let now = parse_instant("2026-03-01T09:00:00Z").unwrap();
        assert_eq!(relative(now + days(3), now), "in 3 days");
        assert_eq!(relative(now - days(1), now), "1 day ago");
        assert_eq!(relative(now, now), "now");
    }

    #[test]
    fn columns_cut_and_pad() {
        assert_eq!(column("abcdef", 4), "abc…");
        assert_eq!(column("ab", 4), "ab  ");
        assert_eq!(plural(1, "post"), "1 post");
        assert_eq!(sentence("only you may"), "Only you may.");
    }
}
