//! Connecting to a PostgreSQL portal as `psql` would with the same settings
//! (issue 23): the connection string first, then a service of
//! `pg_service.conf`, then the `PG*` environment, then libpq's defaults;
//! TLS by `sslmode`, and no portal data across a network in clear unless
//! the string says `sslmode=disable`.

use std::net::IpAddr;
use std::time::Duration;

use postgres::config::Host;

use super::db::Connection;
use super::location::without_secrets;
use super::pg_conventions::{self, Environment};
use super::pg_tls::{self, SslMode, Tls, TlsSettings};
use crate::error::{Error, Result};

/// The keys libpq reads that the driver does not: taken out of the string
/// before the driver parses it.
const OURS: [&str; 5] = ["sslmode", "sslrootcert", "sslcert", "sslkey", "service"];

/// A connection string split into what the driver reads and what we do.
/// No Debug: `driver` may hold a password.
#[derive(Default)]
struct Given {
    driver: String,
    tls: TlsSettings,
    service: Option<String>,
}

impl Given {
    fn parse(text: &str, whole: &str) -> Result<Given> {
        let (driver, ours) = if text.starts_with("postgres://") || text.starts_with("postgresql://")
        {
            split_url(text)
        } else {
            let pairs = keyword_pairs(text).ok_or_else(|| bad_string(whole, "unclosed quote"))?;
            let (ours, theirs): (Vec<_>, Vec<_>) = pairs
                .into_iter()
                .partition(|(k, _)| OURS.contains(&k.as_str()));
            (keyword_string(&theirs), ours)
        };
        let mut given = Given {
            driver,
            ..Given::default()
        };
        for (key, value) in ours {
            match key.as_str() {
                "sslmode" => given.tls.mode = Some(mode_of(&value, "sslmode")?),
                "sslrootcert" => given.tls.root_cert = Some(value),
                "sslcert" => given.tls.cert = Some(value.into()),
                "sslkey" => given.tls.key = Some(value.into()),
                _ => given.service = Some(value),
            }
        }
        Ok(given)
    }

    fn config(&self, whole: &str) -> Result<postgres::Config> {
        self.driver
            .parse()
            .map_err(|e: postgres::Error| bad_string(whole, &e.to_string()))
    }
}

fn bad_string(whole: &str, why: &str) -> Error {
    Error::invalid(
        "bad_database_url",
        crate::tr!(
            "error-postgres-url",
            url = without_secrets(whole),
            why = why.to_string()
        ),
    )
}

fn mode_of(value: &str, setting: &str) -> Result<SslMode> {
    SslMode::parse(value).ok_or_else(|| {
        Error::invalid(
            "bad_sslmode",
            crate::tr!(
                "error-postgres-sslmode",
                setting = setting.to_string(),
                value = crate::present::escape_control(value).into_owned(),
                modes = SslMode::NAMES.join(", ")
            ),
        )
    })
}

/// A URL without our query parameters, and those parameters decoded.
fn split_url(text: &str) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = text.split_once('?') else {
        return (text.to_string(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut ours = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let key = percent_decoded(key);
        if OURS.contains(&key.as_str()) {
            ours.push((key, percent_decoded(value)));
        } else {
            kept.push(part);
        }
    }
    if kept.is_empty() {
        (base.to_string(), ours)
    } else {
        (format!("{base}?{}", kept.join("&")), ours)
    }
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// libpq's `key = value` pairs: a value may be 'quoted', with `\'` and
/// `\\` inside. None when a quote is left open.
fn keyword_pairs(text: &str) -> Option<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Some(pairs);
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next() != Some('=') {
            // Not a pair: the driver says what is wrong with it.
            pairs.push((key, String::new()));
            continue;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            loop {
                match chars.next()? {
                    '\\' => value.push(chars.next()?),
                    '\'' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        pairs.push((key, value));
    }
}

fn keyword_string(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}='{}'", v.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fills what `config` leaves out from a service's settings.
fn fill_from(config: &mut postgres::Config, service: &postgres::Config) {
    if config.get_hosts().is_empty() {
        for host in service.get_hosts() {
            match host {
                Host::Tcp(name) => config.host(name),
                Host::Unix(path) => config.host_path(path),
            };
        }
        for addr in service.get_hostaddrs() {
            config.hostaddr(*addr);
        }
    }
    if config.get_ports().is_empty() {
        for port in service.get_ports() {
            config.port(*port);
        }
    }
    if config.get_user().is_none()
        && let Some(user) = service.get_user()
    {
        config.user(user);
    }
    if config.get_dbname().is_none()
        && let Some(db) = service.get_dbname()
    {
        config.dbname(db);
    }
    if config.get_password().is_none()
        && let Some(password) = service.get_password()
    {
        config.password(password);
    }
    if config.get_application_name().is_none()
        && let Some(name) = service.get_application_name()
    {
        config.application_name(name);
    }
    if config.get_connect_timeout().is_none()
        && let Some(timeout) = service.get_connect_timeout()
    {
        config.connect_timeout(*timeout);
    }
}

/// The mode in force: libpq's, except that `prefer` (the default) and
/// `allow` insist
/// on TLS to any host that is not this machine, so that portal data
/// crosses a network in clear only when the string says `disable`.
/// Sockets carry no TLS (libpq ignores the mode there).
fn settle(mode: Option<SslMode>, tls: &TlsSettings, config: &postgres::Config) -> Result<SslMode> {
    let system = tls.root_cert.as_deref() == Some("system");
    let mode = match mode {
        // libpq 16: the system's roots check the name too.
        None if system => SslMode::VerifyFull,
        Some(weak) if system && weak != SslMode::VerifyFull => {
            return Err(Error::invalid(
                "bad_sslmode",
                crate::tr!("error-postgres-system-roots-weak", mode = weak.name()),
            ));
        }
        // libpq: a root file given makes `require` check the chain.
        Some(SslMode::Require) if tls.root_cert.is_some() => SslMode::VerifyCa,
        other => other.unwrap_or_default(),
    };
    let tcp: Vec<&str> = config
        .get_hosts()
        .iter()
        .filter_map(|h| match h {
            Host::Tcp(name) => Some(name.as_str()),
            Host::Unix(_) => None,
        })
        .collect();
    if tcp.is_empty() && config.get_hostaddrs().is_empty() {
        return Ok(SslMode::Disable);
    }
    let this_machine = tcp.iter().all(|name| {
        name.eq_ignore_ascii_case("localhost")
            || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }) && config.get_hostaddrs().iter().all(IpAddr::is_loopback);
    Ok(match mode {
        SslMode::Prefer | SslMode::Allow if !this_machine => SslMode::Require,
        other => other,
    })
}

pub(super) fn connect_postgres(text: &str) -> Result<Connection> {
    let env = Environment::of_process();
    let given = Given::parse(text, text)?;
    let mut config = given.config(text)?;
    let mut tls = given.tls.clone();
    if let Some(name) = given.service.as_ref().or(env.service.as_ref()) {
        let pairs = pg_conventions::service(name, &env)?;
        let from_service = Given::parse(&keyword_string(&pairs), text)?;
        fill_from(&mut config, &from_service.config(text)?);
        tls = tls.or(&from_service.tls);
    }
    let from_env = TlsSettings {
        mode: env
            .ssl_mode
            .as_deref()
            .map(|m| mode_of(m, "PGSSLMODE"))
            .transpose()?,
        root_cert: env.ssl_root_cert.clone(),
        cert: env.ssl_cert.clone().map(Into::into),
        key: env.ssl_key.clone().map(Into::into),
    };
    let tls = tls.or(&from_env);
    // What the string leaves out, as psql would take it.
    let passed_over = pg_conventions::complete(&mut config, &env);
    let mut config = super::location::socket_first(config);
    config.connect_timeout(
        config
            .get_connect_timeout()
            .copied()
            .unwrap_or(Duration::from_secs(10)),
    );
    let mode = settle(tls.mode, &tls, &config)?;
    // The host a certificate is checked against: the first name.
    let host = config
        .get_hosts()
        .iter()
        .find_map(|h| match h {
            Host::Tcp(name) => Some(name.clone()),
            Host::Unix(_) => None,
        })
        .unwrap_or_default();
    // The first host, for the words of a server that did not answer.
    let first = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        Some(Host::Unix(path)) => path.display().to_string(),
        None => String::new(),
    };
    let connector = Tls::new(mode, &tls, env.home.as_deref())?;
    let login_failed = |error: Error| match (&passed_over, error.code()) {
        // A refused login says why the password file was not read.
        (Some(why), "postgres_login") => Error::other("postgres_login", format!("{error}; {why}")),
        _ => error,
    };
    let deadline = config
        .get_connect_timeout()
        .copied()
        .unwrap_or(Duration::from_secs(10));
    let connect = |config: &mut postgres::Config, driver_mode| {
        config.ssl_mode(driver_mode);
        connect_within(config, connector.clone(), deadline, &first)
    };
    use postgres::config::SslMode as Driver;
    let client = match mode {
        SslMode::Disable => connect(&mut config, Driver::Disable),
        SslMode::Prefer => connect(&mut config, Driver::Prefer),
        // libpq's `allow`: in clear first, encrypted if the server insists.
        SslMode::Allow => match connect(&mut config, Driver::Disable) {
            Err(Failed::Driver(e))
                if e.code()
                    == Some(&postgres::error::SqlState::INVALID_AUTHORIZATION_SPECIFICATION) =>
            {
                connect(&mut config, Driver::Require)
            }
            other => other,
        },
        _ => connect(&mut config, Driver::Require),
    };
    let client = match client {
        Ok(client) => client,
        Err(Failed::Silent(error)) => return Err(error),
        Err(Failed::Driver(e)) => {
            return Err(tls_error(&e, &host, &connector).unwrap_or_else(|| login_failed(e.into())));
        }
    };
    Connection::from_postgres(client, connector.server())
}

/// Why a connection was not made: the driver's error, or no answer in time.
enum Failed {
    Driver(postgres::Error),
    Silent(Error),
}

/// `config.connect` under one overall deadline. The driver's
/// `connect_timeout` bounds opening the socket, not a server that accepts
/// and then says nothing (a wrong port, a stalled proxy): that waited for
/// ever with `sslmode=disable`. On time out the attempt's thread is left
/// to its socket; the caller goes on with the error.
fn connect_within(
    config: &postgres::Config,
    tls: Tls,
    deadline: Duration,
    host: &str,
) -> std::result::Result<postgres::Client, Failed> {
    let (sent, received) = std::sync::mpsc::channel();
    let config = config.clone();
    let silent = |why: String| {
        Failed::Silent(Error::other(
            "postgres_unreachable",
            crate::tr!(
                "error-postgres-silent",
                host = crate::present::escape_control(host).into_owned(),
                seconds = deadline.as_secs(),
                why = why
            ),
        ))
    };
    std::thread::Builder::new()
        .name("postgres-connect".into())
        .spawn(move || {
            let _ = sent.send(config.connect(tls));
        })
        .map_err(|e| silent(e.to_string()))?;
    match received.recv_timeout(deadline) {
        Ok(result) => result.map_err(Failed::Driver),
        Err(_) => Err(silent(crate::tr!("error-postgres-silent-why"))),
    }
}

/// The words for a connection TLS refused; None when TLS is not why.
fn tls_error(error: &postgres::Error, host: &str, connector: &Tls) -> Option<Error> {
    let cause = std::error::Error::source(error);
    if let Some(why) = cause
        .and_then(pg_tls::rustls_cause)
        .and_then(|e| pg_tls::explain(e, host, &connector.roots))
    {
        return Some(Error::other("postgres_tls", why));
    }
    if cause.is_some_and(|c| c.to_string() == "server does not support TLS") {
        return Some(Error::other(
            "postgres_tls",
            crate::tr!(
                "error-postgres-tls-refused",
                host = crate::present::escape_control(host).into_owned()
            ),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(text: &str) -> Given {
        Given::parse(text, text).expect("a string we read")
    }

    #[test]
    fn our_settings_leave_the_url_and_the_rest_stays_for_the_driver() {
        let g = given(
            "postgres://ana@db.acme.test/portal?sslmode=verify-full&application_name=sb\
             &sslrootcert=%2Fetc%2Fca%20file.pem&service=team",
        );
        assert_eq!(
            g.driver,
            "postgres://ana@db.acme.test/portal?application_name=sb"
        );
        assert_eq!(g.tls.mode, Some(SslMode::VerifyFull));
        assert_eq!(g.tls.root_cert.as_deref(), Some("/etc/ca file.pem"));
        assert_eq!(g.service.as_deref(), Some("team"));
        assert_eq!(
            given("postgresql:///portal?sslmode=disable").driver,
            "postgresql:///portal"
        );
    }

    #[test]
    fn our_settings_leave_a_keyword_string_with_its_quotes_kept() {
        let g = given("host=db sslmode = require password='s3 \\'cret' sslcert='/a b.crt'");
        assert_eq!(g.driver, "host='db' password='s3 \\'cret'");
        assert_eq!(g.tls.mode, Some(SslMode::Require));
        assert_eq!(
            g.tls.cert.as_deref(),
            Some(std::path::Path::new("/a b.crt"))
        );
        let config = g.config("").expect("the driver reads what is left");
        assert_eq!(config.get_password(), Some(&b"s3 'cret"[..]));
        assert!(Given::parse("host='db", "host='db").is_err());
    }

    #[test]
    fn a_mode_libpq_does_not_know_is_refused_naming_the_modes() {
        let Err(error) = Given::parse("postgres://h/db?sslmode=verify", "x") else {
            panic!("verify is not a mode");
        };
        assert_eq!(error.code(), "bad_sslmode");
        assert!(error.to_string().contains("verify-full"), "{error}");
    }

    #[test]
    fn prefer_insists_on_tls_off_this_machine_and_sockets_carry_none() {
        let settle_for = |url: &str, mode: Option<SslMode>| {
            let g = given(url);
            settle(mode.or(g.tls.mode), &g.tls, &g.config(url).unwrap()).unwrap()
        };
        assert_eq!(settle_for("postgres://localhost/db", None), SslMode::Prefer);
        assert_eq!(settle_for("postgres://127.0.0.1/db", None), SslMode::Prefer);
        assert_eq!(
            settle_for("postgres://db.acme.test/db", None),
            SslMode::Require
        );
        assert_eq!(settle_for("postgres://10.0.0.5/db", None), SslMode::Require);
        assert_eq!(
            settle_for("postgres://10.0.0.5/db?sslmode=allow", None),
            SslMode::Require
        );
        assert_eq!(
            settle_for("postgres://db.acme.test/db?sslmode=disable", None),
            SslMode::Disable
        );
        assert_eq!(
            settle_for(
                "postgres:///db?host=/var/run/postgresql&sslmode=verify-full",
                None
            ),
            SslMode::Disable
        );
        assert_eq!(
            settle_for("postgres://h/db?sslmode=require&sslrootcert=/ca.pem", None),
            SslMode::VerifyCa
        );
        assert_eq!(
            settle_for("postgres://h/db?sslrootcert=system", None),
            SslMode::VerifyFull
        );
        let g = given("postgres://h/db?sslrootcert=system&sslmode=require");
        assert!(settle(g.tls.mode, &g.tls, &g.config("").unwrap()).is_err());
    }
}
