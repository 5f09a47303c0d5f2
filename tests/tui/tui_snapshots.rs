//! Every screen and dialog at 80×24 and 120×36, as text snapshots
//! (tests/tui/snapshots/). Reviewed like code: a change shows in the diff.

use crate::common::tui::Harness;
use crate::common::{ACME_NOW, ADMIN, acme};
use crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// Opens the Acme portal at each size, brings it to a screen, snapshots it.
fn snap(
    name: &str,
    user: &str,
    setup: impl Fn(&crate::common::TestPortal),
    steps: impl Fn(&mut Harness),
) {
    let p = acme();
    setup(&p);
    for (w, h) in SIZES {
        let mut harness = Harness::open(&p.db, user, w, h);
        steps(&mut harness);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), harness.screen());
    }
}

fn nothing(_: &crate::common::TestPortal) {}

#[test]
fn accounts() {
    snap("accounts", ADMIN, nothing, |_| {});
}

#[test]
fn accounts_hover_disconnected_as_another_user() {
    snap("accounts_other_user", "bo@example.com", nothing, |h| {
        h.hover_handle("acmenews")
    });
}

#[test]
fn accounts_filter() {
    snap("accounts_filter", ADMIN, nothing, |h| {
        h.char('/');
        h.keys("acme n");
    });
}

#[test]
fn publishing() {
    snap("publishing", ADMIN, nothing, |h| h.char('2'));
}

#[test]
fn notifications() {
    snap("notifications", ADMIN, nothing, |h| h.char('3'));
}

#[test]
fn activity() {
    snap("activity", ADMIN, nothing, |h| h.char('4'));
}

#[test]
fn detail() {
    snap("detail", ADMIN, nothing, |h| h.key(KeyCode::Enter));
}

#[test]
fn disconnect_dialog() {
    snap("disconnect_dialog", ADMIN, nothing, |h| h.char('d'));
}

#[test]
fn reconnect_dialog() {
    snap("reconnect_dialog", "bo@example.com", nothing, |h| {
        h.hover_handle("acmenews");
        h.char('r');
    });
}

#[test]
fn remove_dialog() {
    snap("remove_dialog", ADMIN, nothing, |h| {
        h.hover_handle("acmetv");
        h.char('x');
        h.keys("acme");
    });
}

#[test]
fn connect_pick_network() {
    snap("connect_network", ADMIN, nothing, |h| h.char('c'));
}

#[test]
fn connect_pick_accounts() {
    snap("connect_accounts", ADMIN, nothing, |h| {
        h.char('c');
        h.key(KeyCode::Enter);
        h.key(KeyCode::Tab);
        h.keys("acmeshop");
        h.key(KeyCode::Enter);
    });
}

#[test]
fn refused_dialog() {
    snap("refused", "bo@example.com", nothing, |h| h.char('d'));
}

#[test]
fn clock_picker() {
    snap("clock_picker", ADMIN, nothing, |h| h.char('t'));
}

#[test]
fn user_picker() {
    snap("user_picker", ADMIN, nothing, |h| h.char('u'));
}

#[test]
fn deliveries_dialog() {
    snap("deliveries_dialog", ADMIN, nothing, |h| {
        h.char('u');
        for _ in 0..10 {
            h.char('j');
        }
        h.key(KeyCode::Enter);
        h.char(' ');
        h.key(KeyCode::Tab);
        h.keys("hooks.acme.test");
    });
}

#[test]
fn notifications_with_a_failed_delivery() {
    snap(
        "notifications_failed_delivery",
        ADMIN,
        |p| {
            p.run(&[
                "--as",
                ADMIN,
                "user",
                "set",
                ADMIN,
                "--email-notifications",
                "on",
            ])
            .ok();
            p.connect("facebook", "acme.events", ACME_NOW);
            p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
            p.fail_every_delivery("smtp.acme.test:587: connection refused");
        },
        |h| h.char('3'),
    );
}

#[test]
fn help() {
    snap("help", ADMIN, nothing, |h| h.char('?'));
}

#[test]
fn locked_tier() {
    snap(
        "locked",
        ADMIN,
        |p| {
            p.act(ADMIN, ACME_NOW, &["tier", "set", "starter"]).ok();
        },
        |_| {},
    );
}

#[test]
fn no_access() {
    snap(
        "no_access",
        "vi@example.com",
        |p| {
            p.act(ADMIN, ACME_NOW, &["user", "deactivate", "vi@example.com"])
                .ok();
        },
        |_| {},
    );
}

#[test]
fn sidebar_other_entry() {
    snap("sidebar_email", ADMIN, nothing, |h| {
        h.key(KeyCode::Tab);
        h.char('k');
    });
}

#[test]
fn too_small() {
    let p = acme();
    let h = Harness::open(&p.db, ADMIN, 79, 23);
    insta::assert_snapshot!("too_small_79x23", h.screen());
}

#[test]
fn compose_dialog() {
    snap("compose_dialog", ADMIN, nothing, |h| {
        h.hover_handle("acmecorp");
        h.char('a');
        h.key(KeyCode::Enter);
        h.keys("Spring sale starts now");
        h.key(KeyCode::Enter);
        h.keys("+3d");
    });
}

#[test]
fn reschedule_dialog() {
    snap("reschedule_dialog", ADMIN, nothing, |h| {
        h.char('2');
        h.char('e');
    });
}

#[test]
fn cancel_post_dialog() {
    snap("cancel_post_dialog", ADMIN, nothing, |h| {
        h.char('2');
        h.char('x');
    });
}

#[test]
fn bulk_dialog() {
    snap("bulk_dialog", "bo@example.com", nothing, |h| {
        for handle in ["acmecorp", "acmestyle", "acmetv"] {
            h.hover_handle(handle);
            h.char(' ');
        }
        h.char('d');
    });
}

#[test]
fn accounts_by_urgency_needing_attention() {
    snap("accounts_urgency_attention", ADMIN, nothing, |h| {
        h.char('s');
        h.char('f');
    });
}

/// Issue 11: the same screens in Italian (the article's own words).
fn snap_it(name: &str, steps: impl Fn(&mut Harness)) {
    snap(name, ADMIN, nothing, |h| {
        switchboard::i18n::set(switchboard::i18n::Lang::It);
        h.draw();
        steps(h);
    });
    switchboard::i18n::set(switchboard::i18n::Lang::En);
}

#[test]
fn accounts_in_italian() {
    snap_it("it_accounts", |_| {});
}

#[test]
fn disconnect_dialog_in_italian() {
    snap_it("it_disconnect_dialog", |h| {
        h.hover_handle("acmecorp");
        h.char('d');
    });
}

#[test]
fn connect_dialog_in_italian() {
    snap_it("it_connect_pick_accounts", |h| {
        h.char('c');
        h.key(KeyCode::Enter);
        h.key(KeyCode::Tab);
        h.keys("acmeshop");
        h.key(KeyCode::Enter);
    });
}

#[test]
fn notifications_in_italian() {
    snap_it("it_notifications", |h| h.char('3'));
}

/// Issue 20: signing in at a real network by a device code: the page, the
/// code, how long it lasts, and the page as a QR code where it fits.
#[test]
fn sign_in_by_device_code() {
    use switchboard::tui::dialogs::{DeviceCodeView, Dialog, SignInDialog};
    snap("sign_in_device", ADMIN, nothing, |h| {
        h.app.overlay = Some(Dialog::SignIn(SignInDialog {
            network: switchboard::lifecycle::Network::X,
            code: Some(DeviceCodeView {
                user_code: "WDJB-MJHT".into(),
                url: "https://x.example/device".into(),
                complete: Some("https://x.example/device?user_code=WDJB-MJHT".into()),
                // Ten minutes, and a moment more so the count reads 10.
                expires_at: std::time::Instant::now() + std::time::Duration::from_secs(590),
            }),
        }));
        h.draw();
    });
}
