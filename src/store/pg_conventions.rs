//! What every PostgreSQL client honours (issue 23, item 2), for what the
//! URL leaves out: `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, the password
//! from `PGPASSWORD` or the password file (`PGPASSFILE`, else
//! `~/.pgpass`, used only when no one else may read it, as libpq does),
//! and libpq's defaults (the local socket, the login name). A password is
//! never shown: a file's only says which line matched.

use std::path::{Path, PathBuf};

use postgres::config::Host;

/// The environment the conventions read, gathered once (a test gives its
/// own). Its Debug form never shows the password.
#[derive(Clone, Default)]
pub struct Environment {
    pub host: Option<String>,
    pub port: Option<String>,
    pub user: Option<String>,
    pub database: Option<String>,
    pub password: Option<String>,
    pub passfile: Option<PathBuf>,
    pub home: Option<PathBuf>,
    /// The login name (`USER`), libpq's default user.
    pub login: Option<String>,
    pub service: Option<String>,
    pub service_file: Option<PathBuf>,
    pub sysconf_dir: Option<PathBuf>,
    pub ssl_mode: Option<String>,
    pub ssl_root_cert: Option<String>,
    pub ssl_cert: Option<String>,
    pub ssl_key: Option<String>,
}

impl std::fmt::Debug for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Environment")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("database", &self.database)
            .field("password", &self.password.as_ref().map(|_| "(hidden)"))
            .field("passfile", &self.passfile)
            .field("service", &self.service)
            .field("ssl_mode", &self.ssl_mode)
            .finish_non_exhaustive()
    }
}

impl Environment {
    pub fn of_process() -> Environment {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Environment {
            host: var("PGHOST"),
            port: var("PGPORT"),
            user: var("PGUSER"),
            database: var("PGDATABASE"),
            password: var("PGPASSWORD"),
            passfile: var("PGPASSFILE").map(PathBuf::from),
            home: var("HOME").map(PathBuf::from),
            login: var("USER").or_else(|| var("LOGNAME")),
            service: var("PGSERVICE"),
            service_file: var("PGSERVICEFILE").map(PathBuf::from),
            sysconf_dir: var("PGSYSCONFDIR").map(PathBuf::from),
            ssl_mode: var("PGSSLMODE"),
            ssl_root_cert: var("PGSSLROOTCERT"),
            ssl_cert: var("PGSSLCERT"),
            ssl_key: var("PGSSLKEY"),
        }
    }
}

/// The sockets' directories libpq looks in by default (Debian's, then the
/// upstream default).
const SOCKET_DIRS: [&str; 2] = ["/var/run/postgresql", "/tmp"];

/// Fills in what `config` leaves out; says why a password file was passed
/// over, when it was (for the error a refused login gives).
pub fn complete(config: &mut postgres::Config, env: &Environment) -> Option<String> {
    if config.get_hosts().is_empty() {
        match &env.host {
            Some(hosts) => {
                for host in hosts.split(',').map(str::trim).filter(|h| !h.is_empty()) {
                    if host.starts_with('/') {
                        config.host_path(host);
                    } else {
                        config.host(host);
                    }
                }
            }
            None => {
                let dir = SOCKET_DIRS
                    .iter()
                    .find(|d| Path::new(d).is_dir())
                    .unwrap_or(&SOCKET_DIRS[0]);
                config.host_path(dir);
            }
        }
    }
    if config.get_ports().is_empty()
        && let Some(port) = env.port.as_deref().and_then(|p| p.trim().parse().ok())
    {
        config.port(port);
    }
    if config.get_user().is_none()
        && let Some(user) = env.user.as_ref().or(env.login.as_ref())
    {
        config.user(user);
    }
    if config.get_dbname().is_none()
        && let Some(db) = &env.database
    {
        config.dbname(db);
    }
    if config.get_password().is_some() {
        return None;
    }
    if let Some(password) = &env.password {
        config.password(password);
        return None;
    }
    let file = env
        .passfile
        .clone()
        .or_else(|| env.home.as_ref().map(|home| home.join(".pgpass")))?;
    let text = match readable_only_by_owner(&file) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(why) => return Some(why),
    };
    let (host, port) = match (config.get_hosts().first(), config.get_ports().first()) {
        (Some(Host::Tcp(name)), port) => (name.clone(), port.copied().unwrap_or(5432)),
        // A socket connection matches "localhost" (libpq).
        (_, port) => ("localhost".to_string(), port.copied().unwrap_or(5432)),
    };
    let wanted = [
        host,
        port.to_string(),
        config.get_dbname().unwrap_or_default().to_string(),
        config.get_user().unwrap_or_default().to_string(),
    ];
    if let Some(password) = lookup(&text, &wanted) {
        config.password(password);
    }
    None
}

/// Where libpq's packages keep the system's service file when
/// `PGSYSCONFDIR` does not say (Debian's `sysconfdir`).
const SYSCONF_DIR: &str = "/etc/postgresql-common";

/// The settings of service `name` (`service=NAME` or `PGSERVICE`): from
/// `PGSERVICEFILE` or `~/.pg_service.conf`, else the system's
/// `pg_service.conf`, the first file that defines it, as libpq reads them.
pub fn service(name: &str, env: &Environment) -> crate::error::Result<Vec<(String, String)>> {
    let user = env
        .service_file
        .clone()
        .or_else(|| env.home.as_ref().map(|h| h.join(".pg_service.conf")));
    let system = env
        .sysconf_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from(SYSCONF_DIR))
        .join("pg_service.conf");
    let files: Vec<PathBuf> = user.into_iter().chain([system]).collect();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        if let Some(pairs) = service_section(&text, name) {
            return Ok(pairs);
        }
    }
    Err(crate::error::Error::invalid(
        "no_service",
        crate::tr!(
            "error-postgres-service",
            service = crate::present::escape_control(name).into_owned(),
            files = files
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

/// The `key=value` lines of section `[name]`; None when no section is.
fn service_section(text: &str, name: &str) -> Option<Vec<(String, String)>> {
    let mut pairs = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if pairs.is_some() {
                break;
            }
            if section.trim() == name {
                pairs = Some(Vec::new());
            }
            continue;
        }
        if let (Some(pairs), Some((key, value))) = (pairs.as_mut(), line.split_once('=')) {
            let pairs: &mut Vec<(String, String)> = pairs;
            pairs.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    pairs
}

/// The file's text when it is there and only its owner may read or write
/// it; Ok(None) when it is not there; Err with why it was passed over.
fn readable_only_by_owner(file: &Path) -> Result<Option<String>, String> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(file) else {
        return Ok(None);
    };
    if !meta.is_file() {
        return Ok(None);
    }
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(crate::tr!(
            "error-pgpass-mode",
            file = file.display().to_string()
        ));
    }
    Ok(std::fs::read_to_string(file).ok())
}

/// The password of the first line matching `wanted` (host, port, database,
/// user; `*` matches anything; `\:` and `\\` are escapes).
fn lookup(text: &str, wanted: &[String; 4]) -> Option<String> {
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = fields[..4]
            .iter()
            .zip(wanted)
            .all(|(field, want)| field == "*" || field == want);
        if matches {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field at least").push(next);
                }
            }
            ':' => fields.push(String::new()),
            other => fields.last_mut().expect("one field at least").push(other),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(host: &str, db: &str, user: &str) -> [String; 4] {
        [host.into(), "5432".into(), db.into(), user.into()]
    }

    #[test]
    fn a_service_is_the_lines_of_its_own_section_only() {
        let text = "# team services\n[other]\nhost=elsewhere\n\n[team]\nhost = db.acme.test\n\
                    sslmode=verify-full\n# a note\ndbname=portal\n[after]\nuser=x\n";
        assert_eq!(
            service_section(text, "team"),
            Some(vec![
                ("host".into(), "db.acme.test".into()),
                ("sslmode".into(), "verify-full".into()),
                ("dbname".into(), "portal".into()),
            ])
        );
        assert_eq!(service_section(text, "none"), None);
    }

    #[test]
    fn the_environment_never_shows_its_password() {
        let env = Environment {
            password: Some("s3cret-pw".into()),
            ..Environment::default()
        };
        assert!(!format!("{env:?}").contains("s3cret-pw"));
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes_first_match_wins() {
        let text = "# comment\n\
                    db.acme.test:5432:portal:ana:s3cret\n\
                    *:*:*:bo:b\\:pass\\\\word\n\
                    *:*:*:*:fallback\n";
        assert_eq!(
            lookup(text, &wanted("db.acme.test", "portal", "ana")).as_deref(),
            Some("s3cret")
        );
        assert_eq!(
            lookup(text, &wanted("other", "x", "bo")).as_deref(),
            Some("b:pass\\word")
        );
        assert_eq!(
            lookup(text, &wanted("other", "x", "cy")).as_deref(),
            Some("fallback")
        );
    }

    #[test]
    fn what_the_url_leaves_out_comes_from_the_environment_and_the_url_wins() {
        let env = Environment {
            host: Some("db.acme.test".into()),
            port: Some("6543".into()),
            user: Some("ana".into()),
            database: Some("portal".into()),
            password: Some("from-env".into()),
            ..Environment::default()
        };
        let mut config: postgres::Config = "postgresql://".parse().unwrap();
        assert_eq!(complete(&mut config, &env), None);
        assert_eq!(config.get_hosts(), &[Host::Tcp("db.acme.test".into())]);
        assert_eq!(config.get_ports(), &[6543]);
        assert_eq!(config.get_user(), Some("ana"));
        assert_eq!(config.get_dbname(), Some("portal"));
        assert_eq!(config.get_password(), Some(&b"from-env"[..]));
        let mut given: postgres::Config = "postgresql://bo:own@h/db".parse().unwrap();
        complete(&mut given, &env);
        assert_eq!(given.get_user(), Some("bo"));
        assert_eq!(given.get_password(), Some(&b"own"[..]));
        assert_eq!(given.get_hosts(), &[Host::Tcp("h".into())]);
    }
}
