//! A minimal SMTP client (RFC 5321) under one deadline for the whole
//! exchange: connect, TLS, greeting, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA.
//! A general-purpose client sets its timeout per read, so a server that
//! trickles a byte before each timeout holds it for ever; here every read
//! and write waits only for what is left of the one deadline, and the
//! attempt fails when it is spent (issue 17, item 1).

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::Failure;
use super::settings::Security;

/// The longest reply line and reply a server may send (RFC 5321 4.5.3.1.5
/// says 512 octets a line; generous, but bounded).
const LONGEST_LINE: usize = 2048;
const LONGEST_REPLY: usize = 64 * 1024;

/// A TCP stream whose every read and write waits at most until `deadline`.
struct Deadlined {
    tcp: TcpStream,
    deadline: Instant,
}

impl Deadlined {
    fn left(&self) -> io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "deadline passed"));
        }
        Ok(left)
    }
}

impl Read for Deadlined {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.left()?;
        self.tcp.set_read_timeout(Some(left))?;
        self.tcp.read(buf)
    }
}

impl Write for Deadlined {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.left()?;
        self.tcp.set_write_timeout(Some(left))?;
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tcp.flush()
    }
}

type Tls = rustls::StreamOwned<rustls::ClientConnection, Deadlined>;

enum Stream {
    Plain(Deadlined),
    Tls(Box<Tls>),
    /// Between the plain and the encrypted stream, during STARTTLS.
    Upgrading,
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
            Stream::Upgrading => Err(io::ErrorKind::NotConnected.into()),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
            Stream::Upgrading => Err(io::ErrorKind::NotConnected.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
            Stream::Upgrading => Ok(()),
        }
    }
}

/// A server's reply: its code and its text lines.
#[derive(Debug)]
struct Reply {
    code: u16,
    lines: Vec<String>,
}

impl Reply {
    fn text(&self) -> String {
        self.lines.join(" / ")
    }
}

/// What one mail needs: where, how, and as whom.
pub struct Envelope<'a> {
    pub host: &'a str,
    pub port: u16,
    pub security: Security,
    pub hello: &'a str,
    pub credentials: Option<(&'a str, &'a str)>,
    pub from: &'a str,
    pub to: &'a str,
}

struct Session {
    stream: Stream,
    pending: Vec<u8>,
    host: String,
    timeout: Duration,
    /// What the server offers (EHLO), for each mail of the session.
    features: Vec<String>,
}

/// An open session a batch's next mail reuses (issue 22: a connection per
/// mail was 2.4 times slower): kept for the server it was opened to, and
/// no longer than `KEEP_IDLE`, which servers' own idle limits exceed.
#[derive(Default)]
pub struct Pool(std::sync::Mutex<Option<Kept>>);

struct Kept {
    key: String,
    session: Session,
    since: Instant,
}

const KEEP_IDLE: Duration = Duration::from_secs(20);

impl Pool {
    fn take(&self, key: &str) -> Option<Session> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match kept.take() {
            Some(k) if k.key == key && k.since.elapsed() < KEEP_IDLE => Some(k.session),
            _ => None,
        }
    }

    fn put(&self, key: String, session: Session) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *kept = Some(Kept {
            key,
            session,
            since: Instant::now(),
        });
    }
}

/// Sends `mail` (a whole RFC 5322 message with CRLF line ends) to the
/// envelope's recipient, within `timeout` from now for everything: on the
/// pool's open session to the same server when there is one (a session
/// the server has closed meanwhile is replaced within the same deadline),
/// else on a new one, which the pool keeps for the next mail.
pub fn send(
    envelope: &Envelope<'_>,
    mail: &[u8],
    timeout: Duration,
    pool: Option<&Pool>,
) -> Result<(), Failure> {
    let deadline = Instant::now() + timeout;
    let key = format!(
        "{}:{}:{:?}:{}",
        envelope.host,
        envelope.port,
        envelope.security,
        envelope.credentials.map_or("", |(user, _)| user)
    );
    if let Some(mut session) = pool.and_then(|p| p.take(&key)) {
        session.set_deadline(deadline, timeout);
        match session.transact(envelope, mail) {
            Ok(()) => {
                if let Some(pool) = pool {
                    pool.put(key, session);
                }
                return Ok(());
            }
            // Once the message's text is sent, the server may have taken
            // it: never sent again on another session.
            Err((failure, true)) => return Err(failure),
            // Closed by the server while idle, or this mail refused before
            // its text: a fresh session decides, within the deadline.
            Err((_, false)) => {}
        }
    }
    let mut session = open(envelope, deadline, timeout)?;
    session
        .transact(envelope, mail)
        .map_err(|(failure, _)| failure)?;
    match pool {
        Some(pool) => pool.put(key, session),
        // The mail is accepted: a QUIT the server does not answer changes
        // nothing.
        None => {
            let _ = session.command("QUIT", 221);
        }
    }
    Ok(())
}

/// A new session: connected, greeted, encrypted as the settings say,
/// signed in.
fn open(envelope: &Envelope<'_>, deadline: Instant, timeout: Duration) -> Result<Session, Failure> {
    let tcp = connect(envelope.host, envelope.port, deadline, timeout)?;
    let plain = Deadlined { tcp, deadline };
    let stream = match envelope.security {
        Security::Tls => Stream::Tls(Box::new(tls(plain, envelope.host)?)),
        Security::StartTls | Security::None => Stream::Plain(plain),
    };
    let mut session = Session {
        stream,
        pending: Vec::new(),
        host: format!("{}:{}", envelope.host, envelope.port),
        timeout,
        features: Vec::new(),
    };
    session.expect(220, "the greeting")?;
    session.features = session.ehlo(envelope.hello)?;
    if envelope.security == Security::StartTls {
        if !has(&session.features, "STARTTLS") {
            return Err(Failure::permanent(format!(
                "{}: the server does not offer STARTTLS (security = \"starttls\" in [email]): use security = \"tls\" if it speaks TLS from the start",
                session.host
            )));
        }
        session.command("STARTTLS", 220)?;
        let Stream::Plain(plain) = std::mem::replace(&mut session.stream, Stream::Upgrading) else {
            return Err(Failure::transient("STARTTLS on a stream already encrypted"));
        };
        // Nothing the server sent before the handshake may be read as if
        // it came after (RFC 3207 section 4.2's injection).
        session.pending.clear();
        session.stream = Stream::Tls(Box::new(tls(plain, envelope.host)?));
        session.features = session.ehlo(envelope.hello)?;
    }
    if let Some((user, password)) = envelope.credentials {
        let features = session.features.clone();
        session.authenticate(&features, user, password)?;
    }
    Ok(session)
}

impl Session {
    /// The next exchange's deadline.
    fn set_deadline(&mut self, deadline: Instant, timeout: Duration) {
        self.timeout = timeout;
        match &mut self.stream {
            Stream::Plain(plain) => plain.deadline = deadline,
            Stream::Tls(tls) => tls.sock.deadline = deadline,
            Stream::Upgrading => {}
        }
    }

    /// One mail transaction (RFC 5321 3.3): MAIL, RCPT, DATA. A failure
    /// says whether the message's text had gone out.
    fn transact(&mut self, envelope: &Envelope<'_>, mail: &[u8]) -> Result<(), (Failure, bool)> {
        let before = |failure| (failure, false);
        let smtputf8 = !(envelope.from.is_ascii() && envelope.to.is_ascii());
        if smtputf8 && !has(&self.features, "SMTPUTF8") {
            return Err(before(Failure::permanent(format!(
                "{}: the address is not ASCII and the server does not take SMTPUTF8",
                self.host
            ))));
        }
        let mut mail_from = format!("MAIL FROM:<{}>", envelope.from);
        if !mail.is_ascii() && has(&self.features, "8BITMIME") {
            mail_from.push_str(" BODY=8BITMIME");
        }
        if smtputf8 {
            mail_from.push_str(" SMTPUTF8");
        }
        self.command(&mail_from, 250).map_err(before)?;
        self.command(&format!("RCPT TO:<{}>", envelope.to), 250)
            .map_err(before)?;
        self.command("DATA", 354).map_err(before)?;
        let after = |failure| (failure, true);
        self.write(&dot_stuffed(mail)).map_err(after)?;
        self.expect(250, "the message").map_err(after)?;
        Ok(())
    }
}

fn connect(
    host: &str,
    port: u16,
    deadline: Instant,
    timeout: Duration,
) -> Result<TcpStream, Failure> {
    let target = format!("{host}:{port}");
    let addrs = super::lookup_before(host, port, deadline, || out_of_time(&target, timeout))?;
    let mut last = None;
    for addr in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(out_of_time(&target, timeout));
        }
        match TcpStream::connect_timeout(&addr, left) {
            Ok(tcp) => return Ok(tcp),
            Err(e) => last = Some(e),
        }
    }
    Err(match last {
        Some(e) if e.kind() == io::ErrorKind::TimedOut => out_of_time(&target, timeout),
        Some(e) => Failure::transient(format!("{target}: {e}")),
        None => out_of_time(&target, timeout),
    })
}

fn out_of_time(host: &str, timeout: Duration) -> Failure {
    Failure::transient(format!(
        "{host}: no whole exchange within {} s ([delivery] timeout)",
        timeout.as_secs_f64()
    ))
}

fn tls(plain: Deadlined, host: &str) -> Result<Tls, Failure> {
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| Failure::permanent(format!("{host}: not a name TLS can check: {e}")))?;
    let mut connection = rustls::ClientConnection::new(tls_config(), name)
        .map_err(|e| Failure::transient(format!("TLS for {host}: {e}")))?;
    let mut plain = plain;
    // The handshake now, so a certificate the roots do not trust is said
    // as such rather than as a failed read later.
    while connection.is_handshaking() {
        connection.complete_io(&mut plain).map_err(|e| {
            if e.kind() == io::ErrorKind::TimedOut || e.kind() == io::ErrorKind::WouldBlock {
                Failure::transient(format!("TLS for {host}: no handshake before the deadline"))
            } else {
                Failure::transient(format!("TLS for {host}: {e}"))
            }
        })?;
    }
    Ok(rustls::StreamOwned::new(connection, plain))
}

fn tls_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: std::sync::OnceLock<Arc<rustls::ClientConfig>> = std::sync::OnceLock::new();
    Arc::clone(CONFIG.get_or_init(|| {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map(|b| b.with_root_certificates(roots).with_no_client_auth())
            // ring supports the default versions; this cannot fail.
            .unwrap_or_else(|_| unreachable!("ring offers TLS 1.2 and 1.3"));
        Arc::new(config)
    }))
}

impl Session {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.stream
            .write_all(bytes)
            .and_then(|_| self.stream.flush())
            .map_err(|e| self.io_failure(e))
    }

    fn io_failure(&self, e: io::Error) -> Failure {
        if matches!(
            e.kind(),
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
        ) {
            out_of_time(&self.host, self.timeout)
        } else {
            Failure::transient(format!("{}: {e}", self.host))
        }
    }

    fn line(&mut self) -> Result<String, Failure> {
        loop {
            if let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=end).collect();
                let text = String::from_utf8_lossy(&line);
                return Ok(text.trim_end_matches(['\r', '\n']).to_string());
            }
            if self.pending.len() > LONGEST_LINE {
                return Err(Failure::transient(format!(
                    "{}: a reply line longer than {LONGEST_LINE} bytes",
                    self.host
                )));
            }
            let mut buffer = [0u8; 1024];
            let n = self
                .stream
                .read(&mut buffer)
                .map_err(|e| self.io_failure(e))?;
            if n == 0 {
                return Err(Failure::transient(format!(
                    "{}: the server closed the connection",
                    self.host
                )));
            }
            self.pending.extend_from_slice(&buffer[..n]);
        }
    }

    fn reply(&mut self) -> Result<Reply, Failure> {
        let mut lines = Vec::new();
        let mut size = 0;
        loop {
            let line = self.line()?;
            size += line.len();
            if size > LONGEST_REPLY {
                return Err(Failure::transient(format!(
                    "{}: a reply longer than {LONGEST_REPLY} bytes",
                    self.host
                )));
            }
            let code = line
                .get(..3)
                .and_then(|c| c.parse::<u16>().ok())
                .filter(|c| (200..600).contains(c));
            let Some(code) = code else {
                return Err(Failure::transient(format!(
                    "{}: not an SMTP reply: {:?}",
                    self.host,
                    line.chars().take(80).collect::<String>()
                )));
            };
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line.get(4..).unwrap_or("").to_string());
            if last {
                return Ok(Reply { code, lines });
            }
        }
    }

    /// Reads a reply and fails unless its code is `wanted`: 5xx for good,
    /// anything else worth another try.
    fn expect(&mut self, wanted: u16, what: &str) -> Result<Reply, Failure> {
        let reply = self.reply()?;
        if reply.code == wanted {
            return Ok(reply);
        }
        // A server may echo what it was sent: after AUTH that is the
        // password, so only the code is kept there.
        let said = if what == "AUTH" {
            String::new()
        } else {
            reply.text()
        };
        let text = format!("{}: {what} answered {} {said}", self.host, reply.code);
        Err(if (500..600).contains(&reply.code) {
            Failure::permanent(text)
        } else {
            Failure::transient(text)
        })
    }

    fn command(&mut self, command: &str, wanted: u16) -> Result<Reply, Failure> {
        self.write(format!("{command}\r\n").as_bytes())?;
        let verb = command.split([' ', ':']).next().unwrap_or(command);
        self.expect(wanted, verb)
    }

    fn ehlo(&mut self, hello: &str) -> Result<Vec<String>, Failure> {
        let reply = self.command(&format!("EHLO {hello}"), 250)?;
        Ok(reply
            .lines
            .iter()
            .skip(1)
            .map(|l| l.to_ascii_uppercase())
            .collect())
    }

    fn authenticate(
        &mut self,
        features: &[String],
        user: &str,
        password: &str,
    ) -> Result<(), Failure> {
        let mechanisms: Vec<&str> = features
            .iter()
            .filter_map(|f| f.strip_prefix("AUTH").map(str::trim))
            .flat_map(|m| m.trim_start_matches('=').split_whitespace())
            .collect();
        if mechanisms.contains(&"PLAIN") {
            let token = BASE64.encode(format!("\0{user}\0{password}"));
            // The token is not echoed in any error: only the verb is named.
            self.write(format!("AUTH PLAIN {token}\r\n").as_bytes())?;
            self.expect(235, "AUTH")?;
        } else if mechanisms.contains(&"LOGIN") {
            self.command("AUTH LOGIN", 334)?;
            self.write(format!("{}\r\n", BASE64.encode(user)).as_bytes())?;
            self.expect(334, "AUTH")?;
            self.write(format!("{}\r\n", BASE64.encode(password)).as_bytes())?;
            self.expect(235, "AUTH")?;
        } else {
            return Err(Failure::permanent(format!(
                "{}: the server offers no password login (AUTH PLAIN or LOGIN); remove username from [email] if it needs none",
                self.host
            )));
        }
        Ok(())
    }
}

fn has(features: &[String], name: &str) -> bool {
    features
        .iter()
        .any(|f| f.split_whitespace().next() == Some(name))
}

/// The message as DATA sends it: a line that starts with a dot gets one
/// more (RFC 5321 4.5.2), ended by CRLF . CRLF.
fn dot_stuffed(mail: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(mail.len() + 8);
    let mut line_start = true;
    for &b in mail {
        if line_start && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        line_start = b == b'\n';
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_starting_with_a_dot_is_doubled_and_the_data_ends_with_a_lone_dot() {
        assert_eq!(
            dot_stuffed(b"Subject: x\r\n\r\n.hidden\r\nfine\r\n"),
            b"Subject: x\r\n\r\n..hidden\r\nfine\r\n.\r\n".to_vec()
        );
        assert_eq!(dot_stuffed(b"no end"), b"no end\r\n.\r\n".to_vec());
    }

    #[test]
    fn features_are_read_by_their_first_word() {
        let features = vec!["STARTTLS".to_string(), "AUTH PLAIN LOGIN".to_string()];
        assert!(has(&features, "STARTTLS"));
        assert!(has(&features, "AUTH"));
        assert!(!has(&features, "SMTPUTF8"));
    }

    #[test]
    fn a_server_that_echoes_the_login_never_puts_the_password_in_the_error() {
        use std::io::{BufRead, BufReader};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut writer = stream.try_clone().unwrap();
            let mut reader = BufReader::new(stream);
            writer.write_all(b"220 ready\r\n").unwrap();
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            writer.write_all(b"250-test\r\n250 AUTH PLAIN\r\n").unwrap();
            line.clear();
            reader.read_line(&mut line).unwrap();
            // The login, sent back in the refusal.
            let echo = format!("535 rejected: {}", line.trim_end());
            writer.write_all(format!("{echo}\r\n").as_bytes()).unwrap();
        });
        let failure = send(
            &Envelope {
                host: "127.0.0.1",
                port,
                security: Security::None,
                hello: "localhost",
                credentials: Some(("me", "s3cret-password")),
                from: "a@example.com",
                to: "b@example.com",
            },
            b"Subject: x\r\n\r\nbody\r\n",
            Duration::from_secs(5),
            None,
        )
        .unwrap_err();
        let token = BASE64.encode("\0me\0s3cret-password");
        assert!(
            failure.message.contains("AUTH answered 535"),
            "{}",
            failure.message
        );
        assert!(!failure.message.contains(&token), "{}", failure.message);
        assert!(failure.permanent);
    }
}
