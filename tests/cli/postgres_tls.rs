//! Issue 23: a team's portal across a network. TLS with libpq's modes,
//! checked against a PostgreSQL server of the test's own (initdb on
//! loopback, its certificate issued by the test's CA with the `openssl`
//! command), and against the local cluster's self-signed certificate;
//! service files and the `PG*` variables as psql reads them.
//!
//! Without PostgreSQL's server programs or `openssl` the tests are
//! reported as ignored, saying why (build.rs); under CI=true they run.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{ADMIN, T0, TestPortal};

/// Where this machine's PostgreSQL server programs are.
fn server_programs() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").is_file())
        .collect();
    found.sort();
    found
        .pop()
        .expect("PostgreSQL's server programs (initdb, pg_ctl): apt install postgresql")
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// `program` as the server's owner: `postgres` when the tests run as root
/// (initdb refuses root), else the user running them.
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `openssl req` with `first` (`-x509` for a CA's self-signed
/// certificate, `-new` for a request): a new P-256 key in `NAME.key`, the
/// certificate or request in `out`, for `subject`.
fn request(dir: &Path, name: &str, first: &[&str], out: &str, subject: &str) {
    let key = format!("{name}.key");
    let mut args = vec!["req"];
    args.extend_from_slice(first);
    args.extend_from_slice(&[
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        &key,
        "-out",
        out,
        "-subj",
        subject,
    ]);
    openssl(dir, &args);
}

/// A CA of the test's own: `NAME.pem` and `NAME.key` in `dir`.
fn certificate_authority(dir: &Path, name: &str) {
    let pem = format!("{name}.pem");
    let subject = format!("/CN=Switchboard {name}");
    request(dir, name, &["-x509", "-days", "2"], &pem, &subject);
}

/// `NAME.crt` and `NAME.key`, issued by the CA `ca` for `subject`, with
/// `extensions` (an openssl extension file's lines).
fn issue(dir: &Path, ca: &str, name: &str, subject: &str, extensions: &str) {
    std::fs::write(dir.join(format!("{name}.ext")), extensions).unwrap();
    request(dir, name, &["-new"], &format!("{name}.csr"), subject);
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{name}.csr"),
            "-CA",
            &format!("{ca}.pem"),
            "-CAkey",
            &format!("{ca}.key"),
            "-CAcreateserial",
            "-out",
            &format!("{name}.crt"),
            "-days",
            "2",
            "-extfile",
            &format!("{name}.ext"),
        ],
    );
}

/// A PostgreSQL server of the test's own on loopback, TLS on with a
/// certificate from the test's CA, clear text refused; stopped and removed
/// when dropped.
struct TlsServer {
    dir: tempfile::TempDir,
    port: u16,
    bin: PathBuf,
}

impl TlsServer {
    fn start() -> TlsServer {
        let bin = server_programs();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let path = path.as_path();
        certificate_authority(path, "ca");
        certificate_authority(path, "other-ca");
        issue(
            path,
            "ca",
            "server",
            "/O=Switchboard tests/CN=localhost",
            "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n",
        );
        issue(
            path,
            "ca",
            "client",
            "/CN=sb_cert",
            "extendedKeyUsage=clientAuth\n",
        );
        if is_root() {
            let owner = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(path)
                .status()
                .unwrap();
            assert!(owner.success());
        }
        let data = path.join("data");
        let init = as_owner(&bin.join("initdb"))
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "--no-instructions",
                "-D",
            ])
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            init.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&init.stderr)
        );
        // Clear text refused from anywhere: only TLS sessions get in.
        std::fs::write(
            data.join("pg_hba.conf"),
            "local all all trust\n\
             hostssl all sb_cert 127.0.0.1/32 cert\n\
             hostssl all all 127.0.0.1/32 scram-sha-256\n\
             hostnossl all all 0.0.0.0/0 reject\n",
        )
        .unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={dir} \
             -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key \
             -c ssl_ca_file={dir}/ca.pem -c fsync=off -c shared_buffers=16MB",
            dir = path.display()
        );
        let server = TlsServer { dir, port, bin };
        let started = as_owner(&server.bin.join("pg_ctl"))
            .args(["-w", "-l"])
            .arg(path.join("server.log"))
            .args(["-o", &options, "-D"])
            .arg(&data)
            .arg("start")
            .output()
            .unwrap();
        assert!(
            started.status.success(),
            "pg_ctl start: {} {}",
            String::from_utf8_lossy(&started.stderr),
            std::fs::read_to_string(path.join("server.log")).unwrap_or_default()
        );
        server.sql("ALTER ROLE postgres PASSWORD 'team-pw'");
        server.sql("CREATE ROLE sb_cert LOGIN SUPERUSER");
        server.sql("CREATE DATABASE portal");
        server
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// SQL through the server's own socket, as its owner.
    fn sql(&self, sql: &str) -> String {
        self.sql_in("postgres", sql)
    }

    fn sql_in(&self, db: &str, sql: &str) -> String {
        let out = Command::new("psql")
            .args(["-X", "-At", "-U", "postgres", "-h"])
            .arg(self.dir.path())
            .args(["-p", &self.port.to_string(), "-d", db, "-c", sql])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "psql: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The portal database's URL on this server.
    fn url(&self, host: &str, query: &str) -> String {
        format!("postgres://postgres@{host}:{}/portal?{query}", self.port)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = as_owner(&self.bin.join("pg_ctl"))
            .args(["-w", "-m", "immediate", "-D"])
            .arg(self.dir.path().join("data"))
            .arg("stop")
            .output();
    }
}

/// The binary against `url`, with a HOME of the test's own (no ~/.pgpass
/// nor ~/.postgresql of the machine's) and `env`.
fn run(
    p: &TestPortal,
    home: &Path,
    url: &str,
    env: &[(&str, &str)],
    args: &[&str],
) -> crate::common::Run {
    let mut command = p.command(&[&["--db", url][..], args].concat());
    command.env("HOME", home);
    for name in [
        "PGPASSWORD",
        "PGSSLMODE",
        "PGSSLROOTCERT",
        "PGSERVICE",
        "PGSERVICEFILE",
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGDATABASE",
    ] {
        command.env_remove(name);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    crate::common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const PASSWORD: (&str, &str) = ("PGPASSWORD", "team-pw");

/// The run ended with `code`, its error naming each of `words`.
fn refused_saying(run: &crate::common::Run, code: i32, words: &[&str]) {
    assert_eq!(run.code, code, "{}", run.stderr);
    for word in words {
        assert!(run.stderr.contains(word), "'{word}' not in: {}", run.stderr);
    }
}

/// A new portal at `url`, made as the team's admin would.
fn init_portal(p: &TestPortal, home: &Path, url: &str) {
    let init = run(
        p,
        home,
        url,
        &[PASSWORD],
        &[
            "init",
            "--portal",
            "Acme",
            "--tier",
            "enterprise",
            "--admin",
            ADMIN,
            "--admin-name",
            "Ana",
        ],
    );
    assert_eq!(init.code, 0, "{}", init.stderr);
}

#[test]
#[cfg_attr(
    no_postgres_programs,
    ignore = "no PostgreSQL server programs or openssl: apt install postgresql openssl (README, Test)"
)]
fn t23_verify_full_works_as_psql_would_and_each_failed_check_says_what_failed_and_what_changes_it()
{
    let server = TlsServer::start();
    let p = TestPortal::new();
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let ca = server.path("ca.pem");
    let full = server.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    init_portal(&p, home, &full);
    // The server saw the session encrypted (pg_stat_ssl), and says whose
    // certificate it was and how much of it was checked.
    let shown = run(&p, home, &full, &[PASSWORD], &["--json", "portal", "show"])
        .ok()
        .json();
    assert_eq!(shown["tls"], true, "{shown}");
    assert_eq!(shown["tls_protocol"], "TLSv1.3", "{shown}");
    assert_eq!(shown["tls_sslmode"], "verify-full", "{shown}");
    assert_eq!(
        shown["tls_certificate_subject"], "CN=localhost, O=Switchboard tests",
        "{shown}"
    );
    let subject = Command::new("openssl")
        .args(["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in"])
        .arg(server.path("server.crt"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&subject.stdout).trim(),
        "subject=CN=localhost,O=Switchboard tests",
        "openssl reads the same subject"
    );
    let human = run(&p, home, &full, &[PASSWORD], &["portal", "show"])
        .ok()
        .stdout;
    assert!(human.contains("encrypted (TLSv1.3)"), "{human}");
    assert!(
        human.contains("its CA and its name were checked (sslmode=verify-full)"),
        "{human}"
    );
    // SCRAM bound to this TLS session (tls-server-end-point, an ECDSA
    // certificate): the server checks the binding.
    let bound = run(
        &p,
        home,
        &format!("{full}&channel_binding=require"),
        &[PASSWORD],
        &["clock", "show"],
    );
    assert_eq!(bound.code, 0, "{}", bound.stderr);

    // A refused check writes nothing: not even the audit of a refusal.
    let audit_rows = || server.sql_in("portal", "SELECT count(*) FROM audit");
    let before = audit_rows();
    // The name on the certificate is localhost, not 127.0.0.1.
    let by_address = server.url(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    let refused = run(
        &p,
        home,
        &by_address,
        &[PASSWORD],
        &[
            "--as", ADMIN, "--now", T0, "account", "connect", "facebook", "acme",
        ],
    );
    refused_saying(
        &refused,
        1,
        &["is for localhost, not 127.0.0.1", "sslmode=verify-ca"],
    );
    assert!(!refused.stderr.contains("team-pw"), "{}", refused.stderr);
    // verify-ca checks the CA and not the name.
    let by_ca = server.url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={ca}"));
    assert_eq!(
        run(&p, home, &by_ca, &[PASSWORD], &["clock", "show"]).code,
        0
    );
    // A CA that did not issue it: unknown issuer, naming the file given.
    let other = server.path("other-ca.pem");
    let unknown = server.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={other}"),
    );
    let refused = run(&p, home, &unknown, &[PASSWORD], &["clock", "show"]);
    refused_saying(
        &refused,
        1,
        &["not issued by a CA", &other, "sslrootcert=FILE"],
    );
    assert_eq!(audit_rows(), before);
    // Clear text is refused by this server; `allow` asks again with TLS.
    let clear = run(
        &p,
        home,
        &server.url("localhost", "sslmode=disable"),
        &[PASSWORD],
        &["clock", "show"],
    );
    refused_saying(&clear, 1, &["no encryption"]);
    let allow = run(
        &p,
        home,
        &server.url("localhost", "sslmode=allow"),
        &[PASSWORD],
        &["clock", "show"],
    );
    assert_eq!(allow.code, 0, "{}", allow.stderr);
    // A server that does not offer TLS (it answers the SSLRequest 'N'), to
    // a URL that asks for it: refused before anything else is sent.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let plain_port = plain.local_addr().unwrap().port();
    let answering = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut peer, _) = plain.accept().unwrap();
        let mut request = [0u8; 8];
        peer.read_exact(&mut request).unwrap();
        peer.write_all(b"N").unwrap();
        let mut rest = Vec::new();
        let _ = peer.read_to_end(&mut rest);
        (request, rest)
    });
    let url = format!("postgres://postgres@127.0.0.1:{plain_port}/portal?sslmode=require");
    let refused = run(&p, home, &url, &[PASSWORD], &["clock", "show"]);
    refused_saying(&refused, 1, &["does not offer TLS", "sslmode=disable"]);
    let (request, rest) = answering.join().unwrap();
    assert_eq!(request, [0, 0, 0, 8, 4, 210, 22, 47], "an SSLRequest first");
    assert!(rest.is_empty(), "nothing after the 'N': {rest:?}");
    // A mode libpq does not know: exit 2, naming the modes.
    let wrong = run(
        &p,
        home,
        &server.url("localhost", "sslmode=verify"),
        &[PASSWORD],
        &["clock", "show"],
    );
    refused_saying(&wrong, 2, &["verify-ca, verify-full"]);
}

#[test]
#[cfg_attr(
    no_postgres_programs,
    ignore = "no PostgreSQL server programs or openssl: apt install postgresql openssl (README, Test)"
)]
fn t23_service_files_pg_variables_and_client_certificates_work_as_psql_reads_them() {
    use std::os::unix::fs::PermissionsExt;
    let server = TlsServer::start();
    let p = TestPortal::new();
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let ca = server.path("ca.pem");
    init_portal(
        &p,
        home,
        &server.url(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={ca}"),
        ),
    );
    // ~/.pg_service.conf: everything but the password, which ~/.pgpass
    // holds (0600, as libpq asks).
    std::fs::write(
        home.join(".pg_service.conf"),
        format!(
            "# the team's portal\n[team]\nhost=localhost\nport={}\ndbname=portal\nuser=postgres\n\
             sslmode=verify-full\nsslrootcert={ca}\n",
            server.port
        ),
    )
    .unwrap();
    let pgpass = home.join(".pgpass");
    std::fs::write(
        &pgpass,
        format!("localhost:{}:portal:postgres:team-pw\n", server.port),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    for (url, env) in [
        ("service=team", vec![]),
        ("postgresql://", vec![("PGSERVICE", "team")]),
    ] {
        let shown = run(&p, home, url, &env, &["--json", "portal", "show"]);
        assert_eq!(shown.code, 0, "{url}: {}", shown.stderr);
        assert_eq!(shown.json()["tls_sslmode"], "verify-full", "{url}");
    }
    let missing = run(&p, home, "service=nowhere", &[], &["clock", "show"]);
    refused_saying(&missing, 2, &["no service [nowhere]"]);
    // PGSSLMODE and PGSSLROOTCERT for what the URL leaves out.
    let plain = server.url("localhost", "");
    let other = server.path("other-ca.pem");
    let by_env = |root: &str| {
        run(
            &p,
            home,
            &plain,
            &[("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", root)],
            &["clock", "show"],
        )
    };
    assert_eq!(by_env(&ca).code, 0, "{}", by_env(&ca).stderr);
    let refused = by_env(&other);
    refused_saying(&refused, 1, &["not issued by a CA"]);
    // A client certificate (the server's hba says `cert` for sb_cert).
    let cert_url = format!(
        "postgres://sb_cert@localhost:{}/portal?sslmode=verify-full&sslrootcert={ca}\
         &sslcert={}&sslkey={}",
        server.port,
        server.path("client.crt"),
        server.path("client.key")
    );
    let key = server.dir.path().join("client.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let open_key = run(&p, home, &cert_url, &[], &["clock", "show"]);
    refused_saying(&open_key, 2, &["chmod 600"]);
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let signed_in = run(&p, home, &cert_url, &[], &["clock", "show"]);
    assert_eq!(signed_in.code, 0, "{}", signed_in.stderr);
    let without = run(
        &p,
        home,
        &format!(
            "postgres://sb_cert@localhost:{}/portal?sslmode=verify-full&sslrootcert={ca}",
            server.port
        ),
        &[],
        &["clock", "show"],
    );
    assert_eq!(without.code, 1, "{}", without.stderr);
}

#[test]
#[cfg_attr(
    no_postgres_server,
    ignore = "no PostgreSQL server: start it with 'pg_ctlcluster 15 main start' (README, Test)"
)]
fn t23_the_local_clusters_self_signed_certificate_is_refused_by_verify_full_with_the_reason() {
    let p = TestPortal::new();
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    certificate_authority(dir.path(), "ca");
    let ca = dir.path().join("ca.pem").display().to_string();
    let url = format!("postgres://root@localhost/postgres?sslmode=verify-full&sslrootcert={ca}");
    let refused = run(&p, home.path(), &url, &[], &["clock", "show"]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("certificate of localhost was not issued by a CA"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("sslmode=require"),
        "{}",
        refused.stderr
    );
}

#[test]
fn a_server_that_accepts_and_never_answers_is_given_up_at_the_connect_deadline() {
    // A listener that takes the connection and says nothing (a wrong port,
    // a stalled proxy): the driver's connect_timeout alone waited for ever.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = std::thread::spawn(move || silent.accept().map(|(peer, _)| peer));
    let p = TestPortal::new();
    let home = tempfile::tempdir().unwrap();
    let url = format!("postgres://x@127.0.0.1:{port}/db?sslmode=disable&connect_timeout=1");
    let mut command = p.command(&["--db", &url, "clock", "show"]);
    command
        .env("HOME", home.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(8) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still connecting after 8 s: no overall deadline");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let given_up = crate::common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    refused_saying(
        &given_up,
        1,
        &[
            "127.0.0.1 did not finish connecting within 1 s",
            "connect_timeout",
        ],
    );
    drop(held.join());
}
