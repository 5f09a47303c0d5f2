//! Words both faces use to show things to people: relative times, plurals,
//! sentences, columns. Presentation only: no rule lives here.

use crate::lifecycle::Instant;

/// Whether a character must never reach a terminal as it is: controls (C0,
/// DEL, C1: ESC starts every escape sequence), bidirectional controls (they
/// reorder what follows) and invisible characters (they make two texts look
/// the same). A zero-width joiner inside an emoji sequence is neither.
fn is_unsafe(c: char, before: Option<char>, after: Option<char>) -> bool {
    match c {
        '\u{200D}' => !(before.is_some_and(is_pictographic) && after.is_some_and(is_pictographic)),
        _ => is_control_or_invisible(c),
    }
}

fn is_control_or_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Emoji and the characters that join into emoji sequences.
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Text from the data (names, handles, post texts, details, tour files) as
/// it may be shown on a terminal: every unsafe character written as an
/// escape (`\u{1b}`), everything else as it is. Every human output (the CLI,
/// the TUI, headless tours, the log) shows data through this one function.
pub fn escape_control(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let unsafe_at = |i: usize| {
        is_unsafe(
            chars[i],
            i.checked_sub(1).map(|j| chars[j]),
            chars.get(i + 1).copied(),
        )
    };
    if !(0..chars.len()).any(unsafe_at) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if unsafe_at(i) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `escape_control` for multi-line text: each line escaped, the line breaks
/// kept.
pub fn escape_lines(text: &str) -> String {
    text.split('\n')
        .map(escape_control)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first character of `text` that a name, handle or email may not hold
/// (see `escape_control`), described for an error message.
pub fn first_unsafe_char(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let i = (0..chars.len()).find(|&i| {
        is_unsafe(
            chars[i],
            i.checked_sub(1).map(|j| chars[j]),
            chars.get(i + 1).copied(),
        )
    })?;
    let c = chars[i];
    let kind = match c {
        '\u{1b}' => "escape, which starts terminal control sequences",
        '\u{7}' => "bell",
        '\r' => "carriage return",
        '\n' => "line break",
        '\t' => "tab",
        '\u{200B}' => "zero width space",
        '\u{200C}' => "zero width non-joiner",
        '\u{200D}' => "zero width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "zero width no-break space",
        '\u{00AD}' => "soft hyphen",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "direction mark",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "bidirectional control, which reorders the text after it"
        }
        c if c.is_control() => "control character",
        _ => "invisible character",
    };
    Some(format!("U+{:04X} ({kind})", c as u32))
}

/// The width a text takes on a terminal, in columns (CJK and emoji take two).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A disconnect reason in words (R4), never its code.
pub fn reason_words(reason: crate::lifecycle::DisconnectReason) -> String {
    use crate::lifecycle::DisconnectReason::*;
    crate::tr!(match reason {
        Manual => "reason-manual",
        ReauthExpired => "reason-reauth-expired",
        Inactivity => "reason-inactivity",
        Security => "reason-security",
        Deleted => "reason-deleted",
    })
}

/// A user's role in words (`User::role` is the code JSON keeps).
pub fn role_words(role: &str) -> String {
    crate::tr!(match role {
        "super_admin" => "role-super-admin",
        "publisher" => "role-publisher",
        "own_publisher" => "role-own-publisher",
        "viewer" => "role-viewer",
        _ => "role-no-social-access",
    })
}

/// An audit action code in words: the catalog's `action-` message, else
/// the code with spaces (the code itself stays in JSON).
pub fn action_words(code: &str) -> String {
    let id = match code {
        "connect" => "action-connect",
        "authorize" => "action-authorize",
        "disconnect" => "action-disconnect",
        "reconnect" => "action-reconnect",
        "remove" => "action-remove",
        "export_account" => "action-export-account",
        "list_accounts" => "action-list-accounts",
        "list_posts" => "action-list-posts",
        "list_users" => "action-list-users",
        "network_event" => "action-network-event",
        "read_audit" => "action-read-audit",
        "read_notifications" => "action-read-notifications",
        "show_account" => "action-show-account",
        "tier_set" => "action-tier-set",
        "user_add" => "action-user-add",
        "user_deactivate" => "action-user-deactivate",
        "draft_post" => "action-draft-post",
        "generate" => "action-generate",
        "init" => "action-init",
        "publish" => "action-publish",
        "purge" => "action-purge",
        "purge_warning" => "action-purge-warning",
        "reauth_reminder" => "action-reauth-reminder",
        "schedule_post" => "action-schedule-post",
        "cancel_post" => "action-cancel-post",
        "reschedule_post" => "action-reschedule-post",
        "clock_set" => "action-clock-set",
        "clock_unset" => "action-clock-unset",
        "command" => "action-command",
        "user_channels" => "action-user-channels",
        "delivery_retry" => "action-delivery-retry",
        "read_outbox" => "action-read-outbox",
        // A code this release does not know (written by a newer one).
        _ => return code.replace('_', " "),
    };
    crate::tr!(id)
}

/// A post's status in words: "scheduled", "canceled (missed)".
pub fn post_status_words(status: crate::lifecycle::post::EffectiveStatus) -> String {
    use crate::lifecycle::post::{CancelCause, PostStatus};
    let name = crate::tr!(match status.status {
        PostStatus::Draft => "post-status-draft",
        PostStatus::Scheduled => "post-status-scheduled",
        PostStatus::Published => "post-status-published",
        PostStatus::Canceled => "post-status-canceled",
    });
    match status.cancel_cause {
        Some(cause) => format!(
            "{name} ({})",
            crate::tr!(match cause {
                CancelCause::User => "cancel-cause-user",
                CancelCause::Disconnected => "cancel-cause-disconnected",
                CancelCause::Missed => "cancel-cause-missed",
            })
        ),
        None => name,
    }
}

/// "in 3 days", "5 hours ago", "now", in the current language.
/// Reminder leads as `portal set --reminders` takes them: `7d, 1d`, `36h`.
pub fn leads(leads: &[crate::lifecycle::Lead]) -> String {
    leads
        .iter()
        .map(|&lead| {
            if lead % 86_400 == 0 {
                format!("{}d", lead / 86_400)
            } else if lead % 3_600 == 0 {
                format!("{}h", lead / 3_600)
            } else {
                format!("{}m", lead / 60)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `2026-03-04 10:00 CET`: an instant in a sentence, in the reader's zone
/// with its abbreviation (T1, issue 21).
pub fn when(t: Instant) -> String {
    crate::zone::local(t)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

pub fn relative(t: Instant, now: Instant) -> String {
    crate::i18n::dates::relative(t, now)
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

/// Cuts a text to `columns` terminal columns, with an ellipsis when cut.
/// It cuts between grapheme clusters, so an emoji sequence is never split.
pub fn truncate(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for grapheme in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        let w = width(grapheme);
        if used + w + 1 > columns {
            break;
        }
        cut.push_str(grapheme);
        used += w;
    }
    if columns > 0 {
        cut.push('…');
    }
    cut
}

/// `text` in at most `columns` cells, cut in its middle when it must be:
/// "Northwind…Outlet" keeps both ends, so names that share a beginning
/// stay told apart (issue 18, item 8).
pub fn truncate_middle(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    if columns < 5 {
        return truncate(text, columns);
    }
    let graphemes: Vec<&str> =
        unicode_segmentation::UnicodeSegmentation::graphemes(text, true).collect();
    let room = columns - 1;
    let (head_room, tail_room) = (room - room / 2, room / 2);
    let mut head = String::new();
    let mut used = 0;
    for g in &graphemes {
        let w = width(g);
        if used + w > head_room {
            break;
        }
        head.push_str(g);
        used += w;
    }
    let mut tail: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in graphemes.iter().rev() {
        let w = width(g);
        if used + w > tail_room {
            break;
        }
        tail.push(g);
        used += w;
    }
    tail.reverse();
    format!("{head}…{}", tail.concat())
}

/// `truncate_middle`, padded to `columns`.
pub fn column_middle(text: &str, columns: usize) -> String {
    let mut cell = truncate_middle(text, columns);
    let pad = columns.saturating_sub(width(&cell));
    cell.extend(std::iter::repeat_n(' ', pad));
    cell
}

/// A column of exactly `columns` terminal columns: cut, or padded.
pub fn column(text: &str, columns: usize) -> String {
    let mut cell = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cell));
    cell.extend(std::iter::repeat_n(' ', pad));
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::time::{days, parse_instant};

    #[test]
    fn a_name_cut_in_its_middle_keeps_both_ends() {
        assert_eq!(truncate_middle("Brand 000012", 20), "Brand 000012");
        assert_eq!(
            truncate_middle("Northwind Outfitters Outlet", 15),
            "Northwi… Outlet"
        );
        assert_eq!(
            width(&truncate_middle("Northwind Outfitters Outlet", 15)),
            15
        );
        assert_eq!(column_middle("ab", 4), "ab  ");
    }

    #[test]
    fn relative_times_read_naturally() {
        let now = parse_instant("2026-03-01T09:00:00Z").unwrap();
        assert_eq!(relative(now + days(3), now), "in 3 days");
        assert_eq!(relative(now - days(1), now), "1 day ago");
        assert_eq!(relative(now, now), "now");
    }

    #[test]
    fn unsafe_characters_are_escaped_and_emoji_sequences_kept() {
        assert_eq!(escape_control("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_control("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(escape_control("plain\u{200b}"), "plain\\u{200b}");
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(escape_control(family), family);
        assert_eq!(escape_control("a\u{200D}b"), "a\\u{200d}b");
        assert_eq!(escape_control("Café 東京"), "Café 東京");
        assert_eq!(
            first_unsafe_char("x\u{200B}").as_deref(),
            Some("U+200B (zero width space)")
        );
    }

    #[test]
    fn columns_count_display_width_and_never_split_a_grapheme() {
        assert_eq!(column("東京東京", 5), "東京…");
        assert_eq!(column("東京東京", 6), "東京… ");
        assert_eq!(width(&column("東京東京", 5)), 5);
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(truncate(&format!("{family} team"), 3), format!("{family}…"));
        assert_eq!(truncate(&format!("{family} team"), 2), "…");
    }

    #[test]
    fn columns_cut_and_pad() {
        assert_eq!(column("abcdef", 4), "abc…");
        assert_eq!(column("ab", 4), "ab  ");
        assert_eq!(sentence("only you may"), "Only you may.");
    }
}
