//! A measurement, not a check (speed targets belong in benchmarks): the
//! time to draw the Accounts list, and to page it, on a 100 000-account
//! portal. Run it with
//! `cargo test --release --test suite frame_time -- --ignored --nocapture`.

use std::time::Instant;

use crate::common::tui::Harness;
use crossterm::event::KeyCode;

#[test]
#[ignore = "a measurement on a large generated portal; run by hand"]
fn frame_time_of_the_accounts_list_on_100k_accounts() {
    let p = crate::common::TestPortal::empty();
    let started = Instant::now();
    // SWITCHBOARD_BIG_DB: a generated portal to copy instead of generating.
    match std::env::var_os("SWITCHBOARD_BIG_DB") {
        Some(big) => {
            std::fs::copy(big, &p.db).unwrap();
        }
        None => {
            p.run(&[
                "generate",
                "--accounts",
                "100000",
                "--posts",
                "1000000",
                "--seed",
                "1",
            ])
            .ok();
        }
    }
    println!("portal ready in {:?}", started.elapsed());
    let mut h = Harness::open(&p.db, "admin@generated.test", 120, 36);
    let frames = 200;
    let started = Instant::now();
    for _ in 0..frames {
        h.draw();
    }
    println!("draw only: {:?} a frame", started.elapsed() / frames);
    let started = Instant::now();
    for _ in 0..frames {
        h.char('j');
    }
    println!("j (move, redraw): {:?} a frame", started.elapsed() / frames);
    let started = Instant::now();
    for _ in 0..frames {
        h.key(KeyCode::PageDown);
    }
    println!(
        "PageDown (keyset fetch + sweep check + redraw): {:?} a frame",
        started.elapsed() / frames
    );
    let started = Instant::now();
    h.char('G');
    println!("G (last page): {:?}", started.elapsed());
    let started = Instant::now();
    h.char('/');
    h.keys("brand 0999");
    println!(
        "filter typing (10 keys, live): {:?} a key",
        started.elapsed() / 11
    );
    assert!(h.shows("Brand 0999"));
    h.key(KeyCode::Esc);
    let timed = |h: &mut Harness, what: &str, keys: &[KeyCode]| {
        let started = Instant::now();
        for key in keys {
            h.key(*key);
        }
        println!("{what}: {:?}", started.elapsed() / keys.len() as u32);
    };
    timed(&mut h, "s (sort by urgency)", &[KeyCode::Char('s')]);
    timed(&mut h, "f (needs attention)", &[KeyCode::Char('f')]);
    timed(&mut h, "PageDown by urgency", &[KeyCode::PageDown; 20]);
    timed(&mut h, "2 (open Publishing)", &[KeyCode::Char('2')]);
    for tab in ["Published", "Drafts", "Canceled", "Scheduled"] {
        timed(&mut h, &format!("→ ({tab})"), &[KeyCode::Right]);
        timed(
            &mut h,
            &format!("PageDown in {tab}"),
            &[KeyCode::PageDown; 5],
        );
    }
    timed(&mut h, "3 (Notifications)", &[KeyCode::Char('3')]);
    timed(&mut h, "4 (Activity)", &[KeyCode::Char('4')]);
    timed(&mut h, "PageDown in Activity", &[KeyCode::PageDown; 5]);
}
