//! A handle as people type it, and what connecting it does (R6, R8: a
//! network and a handle name one account): decided once, here, for the
//! command line's `account connect` and the TUI's Connect dialog alike
//! (issue 19, item 2). No words: the faces say each outcome.

use unicode_normalization::UnicodeNormalization;
use unicode_security::MixedScript;

use super::AccountId;
use super::account::Account;

/// The longest handle, in characters.
pub const HANDLE_MAX: usize = 100;

/// Why typed text is not a handle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandleProblem {
    /// Empty, or longer than `HANDLE_MAX` characters.
    Length,
    /// A handle is one word.
    Spaces,
    /// Letters of several scripts (a Cyrillic а among Latin letters): it can
    /// pass for another handle (UTS #39's single-script rule, after NFKC).
    MixedScripts,
}

/// The handle in typed text: trimmed, NFC, without a leading `@`.
pub fn normalize(typed: &str) -> Result<String, HandleProblem> {
    let text: String = typed.trim().nfc().collect();
    let handle = text.trim_start_matches('@');
    if handle.is_empty() || handle.chars().count() > HANDLE_MAX {
        return Err(HandleProblem::Length);
    }
    if handle.chars().any(char::is_whitespace) {
        return Err(HandleProblem::Spaces);
    }
    let compatible: String = handle.nfkc().collect();
    if !compatible.is_single_script() {
        return Err(HandleProblem::MixedScripts);
    }
    Ok(handle.to_string())
}

/// What a handle looks like, for finding lookalikes: its UTS #39 skeleton
/// after NFKC and lower case, so `ＰＡＹＰＡＬ` and `PayPal` compare equal
/// to `paypal`.
pub fn skeleton(handle: &str) -> String {
    let folded: String = handle.nfkc().collect::<String>().to_lowercase();
    unicode_security::skeleton(&folded).collect()
}

/// What connecting a handle on a network does.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectPlan<'a> {
    /// A new account.
    New,
    /// The known account of that network and handle, reconnected (R6).
    Reconnect(&'a Account),
    /// Refused: the known account is connected already.
    AlreadyConnected(&'a Account),
    /// Refused: the known account was deleted on the network (R6e).
    DeletedOnNetwork(&'a Account),
    /// Refused: another account of the network has a handle that looks the
    /// same (issue 17, item 14).
    LooksLike { id: AccountId, handle: String },
}

/// Decides what connecting `handle` does, given the account of that
/// network and handle (`known`) and, when there is none, every other
/// handle of the network.
pub fn plan<'a>(
    handle: &str,
    known: Option<&'a Account>,
    others: &[(AccountId, String)],
) -> ConnectPlan<'a> {
    match known {
        Some(account) if account.is_connected() => ConnectPlan::AlreadyConnected(account),
        Some(account) if !account.offers_reconnect() => ConnectPlan::DeletedOnNetwork(account),
        Some(account) => ConnectPlan::Reconnect(account),
        None => {
            let wanted = skeleton(handle);
            match others.iter().find(|(_, other)| skeleton(other) == wanted) {
                Some((id, other)) => ConnectPlan::LooksLike {
                    id: *id,
                    handle: other.clone(),
                },
                None => ConnectPlan::New,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_is_one_word_of_one_script_without_its_at() {
        assert_eq!(normalize("  @acme.shop "), Ok("acme.shop".into()));
        assert_eq!(normalize("@"), Err(HandleProblem::Length));
        assert_eq!(normalize("acme shop"), Err(HandleProblem::Spaces));
        assert_eq!(normalize("p\u{430}ypal"), Err(HandleProblem::MixedScripts));
        assert_eq!(
            normalize(&"a".repeat(HANDLE_MAX + 1)),
            Err(HandleProblem::Length)
        );
    }

    #[test]
    fn a_lookalike_of_another_handle_of_the_network_is_refused() {
        let others = vec![(4, "paypal".to_string())];
        assert_eq!(
            plan(
                "\u{ff30}\u{ff21}\u{ff39}\u{ff30}\u{ff21}\u{ff2c}",
                None,
                &others
            ),
            ConnectPlan::LooksLike {
                id: 4,
                handle: "paypal".into()
            }
        );
        assert_eq!(plan("acme", None, &others), ConnectPlan::New);
    }
}

/// Issue 20: whether a sign-in is the account's own login. Its network id
/// decides when a grant was kept (`kept_subject`); else its handle, as
/// normalized (`login_handle`), must be the account's.
pub fn same_login(
    kept_subject: Option<&str>,
    (login_id, login_handle): (&str, Option<&str>),
    account_handle: &str,
) -> bool {
    match kept_subject {
        Some(subject) => subject == login_id,
        None => login_handle.is_some_and(|h| h.eq_ignore_ascii_case(account_handle)),
    }
}

#[cfg(test)]
mod login_tests {
    use super::same_login;

    #[test]
    fn a_reconnect_is_the_same_login_by_its_network_id_else_by_its_handle() {
        // A kept grant: only its network id counts, whatever the handle.
        assert!(same_login(Some("42"), ("42", Some("renamed")), "northwind"));
        assert!(!same_login(
            Some("42"),
            ("43", Some("northwind")),
            "northwind"
        ));
        // No grant kept: the handle, without regard to case.
        assert!(same_login(None, ("9", Some("NorthWind")), "northwind"));
        assert!(!same_login(None, ("9", Some("intruder")), "northwind"));
        assert!(!same_login(None, ("9", None), "northwind"));
    }
}
