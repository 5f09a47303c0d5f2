//! A measurement, not a check (speed targets belong in benchmarks): the
//! time to draw the Accounts list, and to page it, on a 100 000-account
//! portal. Run it with
//! `cargo test --release --test tui_frame_time -- --ignored --nocapture`.

mod common;

use std::time::Instant;

use common::tui::Harness;
use crossterm::event::KeyCode;

#[test]
#[ignore = "a measurement on a large generated portal; run by hand"]
fn frame_time_of_the_accounts_list_on_100k_accounts() {
    let p = common::TestPortal::empty();
    let started = Instant::now();
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
    println!("generated in {:?}", started.elapsed());
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
}
