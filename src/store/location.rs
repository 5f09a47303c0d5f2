//! Where a portal is: a SQLite file, or a PostgreSQL connection string (a
//! URL or libpq's keywords), and how it is shown without its secrets.

use std::path::{Path, PathBuf};

/// Where a portal is, as a `--db` names it, told apart once: a SQLite file,
/// or a PostgreSQL connection string (a URL, or libpq's `key=value` form,
/// `host=db dbname=portal`, which the driver reads too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Postgres(String),
}

impl Location {
    /// What a `--db` names.
    pub fn of(db: &Path) -> Location {
        match db.to_str() {
            Some(text)
                if text.starts_with("postgres://")
                    || text.starts_with("postgresql://")
                    || is_keyword_connection(text) =>
            {
                Location::Postgres(text.to_string())
            }
            _ => Location::File(db.to_path_buf()),
        }
    }

    /// The file, for a SQLite portal.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }

    /// The connection string, for a PostgreSQL portal.
    pub fn postgres(&self) -> Option<&str> {
        match self {
            Location::File(_) => None,
            Location::Postgres(url) => Some(url),
        }
    }

    /// For people: the file, or the connection string without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::File(path) => path.to_string_lossy().into_owned(),
            Location::Postgres(url) => without_secrets(url),
        }
    }
}

impl From<&Path> for Location {
    fn from(db: &Path) -> Location {
        Location::of(db)
    }
}

impl From<&PathBuf> for Location {
    fn from(db: &PathBuf) -> Location {
        Location::of(db)
    }
}

impl From<PathBuf> for Location {
    fn from(db: PathBuf) -> Location {
        Location::of(&db)
    }
}

impl From<&Location> for Location {
    fn from(location: &Location) -> Location {
        location.clone()
    }
}

/// Whether `text` starts like a libpq keyword/value connection string: a
/// known keyword, then `=`.
fn is_keyword_connection(text: &str) -> bool {
    const KEYWORDS: [&str; 10] = [
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "sslmode",
        "service",
        "application_name",
        "connect_timeout",
    ];
    let first = text.split_whitespace().next().unwrap_or("");
    first
        .split_once('=')
        .is_some_and(|(key, _)| KEYWORDS.contains(&key))
}

/// A portal's place for people: a file's path, or a connection string
/// without its password in any form the driver reads.
pub fn location(path: &Path) -> String {
    Location::of(path).shown()
}

/// `text` with every password a PostgreSQL client would read from it
/// hidden (issue 17, item 12): a URL's `user:password@`, a `password=`
/// query parameter, and a `password=` keyword, quoted or not.
pub fn without_secrets(text: &str) -> String {
    let text = match text.find("://") {
        Some(scheme) => {
            let rest = &text[scheme + 3..];
            let end = rest.find(['/', '?']).unwrap_or(rest.len());
            let authority = &rest[..end];
            match authority.rfind('@') {
                Some(at) => {
                    let user = authority[..at].split(':').next().unwrap_or("");
                    format!(
                        "{}{user}{}{}",
                        &text[..scheme + 3],
                        &authority[at..],
                        &rest[end..]
                    )
                }
                None => text.to_string(),
            }
        }
        None => text.to_string(),
    };
    const KEY: &str = "password=";
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let starts_key = matches!(previous, None | Some('?' | '&' | ' ' | '\t' | '\n'))
            && text[at..]
                .get(..KEY.len())
                .is_some_and(|k| k.eq_ignore_ascii_case(KEY));
        if !starts_key {
            out.push(c);
            previous = Some(c);
            continue;
        }
        out.push_str(&text[at..at + KEY.len()]);
        out.push_str("<hidden>");
        for _ in 1..KEY.len() {
            chars.next();
        }
        // The value: 'quoted' (with \' inside), or up to the next separator.
        if chars.peek().is_some_and(|(_, c)| *c == '\'') {
            chars.next();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '\'' => break,
                    _ => {}
                }
            }
        } else {
            while chars
                .peek()
                .is_some_and(|(_, c)| !matches!(c, '&' | ' ' | '\t' | '\n' | '#'))
            {
                chars.next();
            }
        }
        previous = Some('=');
    }
    out
}

/// A `host=` that is a directory (a Unix socket) is tried before a host
/// name (issue 22): `postgres://root@localhost/db?host=/var/run/postgresql`
/// names both, and trying TCP first failed its SCRAM login before the
/// socket answered (libpq takes the query's host alone).
pub(super) fn socket_first(config: postgres::Config) -> postgres::Config {
    use postgres::config::Host;
    let hosts = config.get_hosts();
    let sockets = hosts.iter().any(|h| matches!(h, Host::Unix(_)));
    let names = hosts.iter().any(|h| matches!(h, Host::Tcp(_)));
    if !(sockets && names && config.get_hostaddrs().is_empty()) {
        return config;
    }
    let ports = config.get_ports();
    let port_of = |i: usize| match ports.len() {
        0 => None,
        1 => Some(ports[0]),
        _ => ports.get(i).copied(),
    };
    let mut ordered: Vec<(usize, &Host)> = hosts.iter().enumerate().collect();
    ordered.sort_by_key(|(_, h)| !matches!(h, Host::Unix(_)));
    let mut again = postgres::Config::new();
    for (i, host) in ordered {
        match host {
            Host::Unix(path) => again.host_path(path),
            Host::Tcp(name) => again.host(name),
        };
        if let Some(port) = port_of(i) {
            again.port(port);
        }
    }
    if let Some(user) = config.get_user() {
        again.user(user);
    }
    if let Some(password) = config.get_password() {
        again.password(password);
    }
    if let Some(dbname) = config.get_dbname() {
        again.dbname(dbname);
    }
    if let Some(options) = config.get_options() {
        again.options(options);
    }
    if let Some(name) = config.get_application_name() {
        again.application_name(name);
    }
    again.ssl_mode(config.get_ssl_mode());
    again.target_session_attrs(config.get_target_session_attrs());
    again.channel_binding(config.get_channel_binding());
    again
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn a_socket_directory_is_tried_before_a_host_name() {
        use postgres::config::Host;
        let config: postgres::Config = "postgres://root@localhost/db?host=/var/run/postgresql"
            .parse()
            .unwrap();
        let again = super::socket_first(config);
        assert_eq!(
            again.get_hosts(),
            &[
                Host::Unix("/var/run/postgresql".into()),
                Host::Tcp("localhost".into())
            ]
        );
        assert_eq!(again.get_dbname(), Some("db"));
        assert_eq!(again.get_user(), Some("root"));
    }

    #[test]
    fn a_postgresql_url_is_shown_without_its_password() {
        assert_eq!(
            super::location(Path::new("postgres://ana:s3cret@db.acme.test:5432/portal")),
            "postgres://ana@db.acme.test:5432/portal"
        );
        assert_eq!(
            super::location(Path::new("postgresql://ana@db.acme.test/portal")),
            "postgresql://ana@db.acme.test/portal"
        );
        assert_eq!(super::location(Path::new("acme.db")), "acme.db");
        assert_eq!(
            super::Location::of(Path::new("acme.db")),
            super::Location::File("acme.db".into())
        );
    }

    #[test]
    fn every_form_of_a_password_the_driver_reads_is_hidden() {
        for (given, shown) in [
            (
                "postgres://db.acme.test/portal?sslmode=require&password=s3cret&user=ana",
                "postgres://db.acme.test/portal?sslmode=require&password=<hidden>&user=ana",
            ),
            (
                "postgres://ana:s3cret@db/portal?PASSWORD=s3cret",
                "postgres://ana@db/portal?PASSWORD=<hidden>",
            ),
            (
                "host=db.acme.test password=s3cret dbname=portal",
                "host=db.acme.test password=<hidden> dbname=portal",
            ),
            (
                "host=db password='s3 \\'cret' user=ana",
                "host=db password=<hidden> user=ana",
            ),
            ("password=s3cret", "password=<hidden>"),
            ("portal-password=kept.db", "portal-password=kept.db"),
        ] {
            assert_eq!(super::without_secrets(given), shown, "{given}");
        }
    }
}
