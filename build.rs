//! Tells the tests whether this machine has the PostgreSQL server they use
//! (issue 19), Node with the OAuth test server installed (issue 20), and
//! the Python parsers of tests/python (issue 21):
//! without one, the tests that need it are marked ignored, so
//! `cargo test` says so in its closing line ("N ignored") instead of
//! passing them in silence. Under `CI=true` nothing is ignored: a missing
//! server fails there. Only a file's presence is looked at; nothing is
//! connected to, and the library itself does not read this flag.

use std::path::Path;

/// The local server's socket, where the tests look by default.
const SOCKET_DIR: &str = "/var/run/postgresql";
const SOCKET: &str = "/var/run/postgresql/.s.PGSQL.5432";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_postgres_server)");
    println!("cargo::rustc-check-cfg=cfg(no_oauth_server)");
    println!("cargo::rustc-check-cfg=cfg(no_postgres_programs)");
    println!("cargo::rustc-check-cfg=cfg(no_python_parsers)");
    // Python parsers the tests use (`tests/python/requirements.txt`,
    // installed into tests/python/site).
    println!("cargo::rerun-if-changed=tests/python");
    // The OAuth tests' server: Node and `npm ci --prefix tests/oauth`
    // (the folder changes when node_modules comes or goes).
    println!("cargo::rerun-if-changed=tests/oauth");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=SWITCHBOARD_TEST_POSTGRES");
    // The directory changes when the server starts or stops (its socket
    // comes and goes); where it does not exist, nothing will change.
    if Path::new(SOCKET_DIR).is_dir() {
        println!("cargo::rerun-if-changed={SOCKET_DIR}");
    } else {
        println!("cargo::rerun-if-changed=build.rs");
    }
    let in_ci = std::env::var("CI").as_deref() == Ok("true");
    let elsewhere = std::env::var_os("SWITCHBOARD_TEST_POSTGRES").is_some();
    if !in_ci && !elsewhere && !Path::new(SOCKET).exists() {
        println!("cargo::rustc-cfg=no_postgres_server");
    }
    // The TLS tests' own server (issue 23): initdb and pg_ctl, and openssl
    // to issue its certificates.
    println!("cargo::rerun-if-changed=/usr/lib/postgresql");
    let programs = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.path().join("bin/initdb").is_file());
    let openssl = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("openssl").is_file()));
    let ready = programs && openssl;
    if !in_ci && !ready {
        println!("cargo::rustc-cfg=no_postgres_programs");
    }
    let node = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("node").is_file()));
    let installed = Path::new("tests/oauth/node_modules/oidc-provider/package.json").is_file();
    let ready = node && installed;
    if !in_ci && !ready {
        println!("cargo::rustc-cfg=no_oauth_server");
    }
    let parsers = ["icalendar", "prometheus_client"]
        .iter()
        .all(|name| Path::new(&format!("tests/python/site/{name}/__init__.py")).is_file());
    if !in_ci && !parsers {
        println!("cargo::rustc-cfg=no_python_parsers");
    }
}
