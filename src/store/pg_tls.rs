//! TLS to PostgreSQL (issue 23, item 1): libpq's `sslmode` with rustls,
//! through the driver's `MakeTlsConnect`.
//!
//! The connector is ours, on `tokio-rustls` (rustls' own async adapter),
//! rather than `tokio-postgres-rustls`: that crate would bring a second
//! X.509 parser for the channel binding alone, and `verify-ca` needs a
//! verifier of our own anyway (rustls checks the name or nothing).

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use postgres::Socket;
use postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::error::{Error, Result};

/// libpq's `sslmode`, `prefer` when nothing says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    #[default]
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub const NAMES: [&'static str; 6] = [
        "disable",
        "allow",
        "prefer",
        "require",
        "verify-ca",
        "verify-full",
    ];

    pub fn parse(text: &str) -> Option<SslMode> {
        Some(match text.trim() {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Whether the server's certificate is checked at all.
    pub fn verifies(self) -> bool {
        matches!(self, SslMode::VerifyCa | SslMode::VerifyFull)
    }
}

/// What a connection string, a service and the environment say of TLS.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsSettings {
    pub mode: Option<SslMode>,
    /// A file of CA certificates, or `system` for the system's roots.
    pub root_cert: Option<String>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

impl TlsSettings {
    /// Fills what `self` leaves out from `other`.
    pub fn or(mut self, other: &TlsSettings) -> TlsSettings {
        self.mode = self.mode.or(other.mode);
        self.root_cert = self.root_cert.or_else(|| other.root_cert.clone());
        self.cert = self.cert.or_else(|| other.cert.clone());
        self.key = self.key.or_else(|| other.key.clone());
        self
    }
}

/// What the handshake showed, for `portal show` (issue 23, item 3).
#[derive(Clone, Debug, PartialEq, Eq)]
/// (The protocol is read from the server's `pg_stat_ssl`, as it sees it.)
pub struct ServerTls {
    /// The certificate's subject; None when it cannot be read.
    pub subject: Option<String>,
    /// The mode in force: how much of the certificate was checked.
    pub mode: SslMode,
}

/// Where the roots came from, for the words of a failed check.
#[derive(Clone, Debug)]
pub enum Roots {
    File(PathBuf),
    System,
}

/// The connector the driver calls once per host, and what it saw.
#[derive(Clone)]
pub struct Tls {
    config: Arc<rustls::ClientConfig>,
    mode: SslMode,
    pub roots: Roots,
    pub seen: Arc<Mutex<Option<ServerTls>>>,
}

impl Tls {
    /// The connector for `settings` (the mode already settled); `home` for
    /// libpq's default files under `~/.postgresql/`.
    pub fn new(mode: SslMode, settings: &TlsSettings, home: Option<&Path>) -> Result<Tls> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let default_file = |name: &str| {
            home.map(|h| h.join(".postgresql").join(name))
                .filter(|p| p.is_file())
        };
        let roots = match settings.root_cert.as_deref() {
            Some("system") => Roots::System,
            Some(file) => Roots::File(file.into()),
            None => default_file("root.crt").map_or(Roots::System, Roots::File),
        };
        // Read only when a mode checks the certificate: the system's store
        // is hundreds of files, and a socket or `require` needs none.
        let store = match (&roots, mode.verifies()) {
            (_, false) => None,
            (Roots::System, true) => Some(Arc::new(system_roots())),
            (Roots::File(file), true) => Some(Arc::new(roots_from(file)?)),
        };
        let verifier = Arc::new(Verifier {
            roots: store,
            check_name: mode == SslMode::VerifyFull,
            provider: provider.clone(),
        });
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| tls_failed(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let cert = settings
            .cert
            .clone()
            .or_else(|| default_file("postgresql.crt"));
        let key = settings
            .key
            .clone()
            .or_else(|| default_file("postgresql.key"));
        let config = match (cert, key) {
            (Some(cert), Some(key)) => {
                let chain = certificates(&cert, "sslcert")?;
                let key = private_key(&key)?;
                builder
                    .with_client_auth_cert(chain, key)
                    .map_err(|e| tls_failed(e.to_string()))?
            }
            (Some(cert), None) => return Err(file_error("sslkey", &cert, "no key given")),
            _ => builder.with_no_client_auth(),
        };
        Ok(Tls {
            config: Arc::new(config),
            mode,
            roots,
            seen: Arc::new(Mutex::new(None)),
        })
    }

    /// What the handshake showed, once it has happened.
    pub fn server(&self) -> Option<ServerTls> {
        self.seen.lock().ok().and_then(|seen| seen.clone())
    }
}

fn tls_failed(why: String) -> Error {
    Error::other(
        "postgres_tls",
        crate::tr!("error-postgres-tls-failed", why = why),
    )
}

fn file_error(setting: &str, file: &Path, why: &str) -> Error {
    Error::invalid(
        "postgres_tls_file",
        crate::tr!(
            "error-postgres-tls-file",
            setting = setting,
            file = crate::present::escape_control(&file.display().to_string()).into_owned(),
            why = why.to_string()
        ),
    )
}

/// The system's trusted roots (what `/etc/ssl/certs` holds here); a
/// certificate the store cannot take is left out, as browsers do.
fn system_roots() -> RootCertStore {
    let mut store = RootCertStore::empty();
    let found = rustls_native_certs::load_native_certs();
    store.add_parsable_certificates(found.certs);
    store
}

fn roots_from(file: &Path) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    for cert in certificates(file, "sslrootcert")? {
        store
            .add(cert)
            .map_err(|e| file_error("sslrootcert", file, &e.to_string()))?;
    }
    Ok(store)
}

fn certificates(file: &Path, setting: &str) -> Result<Vec<CertificateDer<'static>>> {
    let certs = CertificateDer::pem_file_iter(file)
        .and_then(|found| found.collect::<std::result::Result<Vec<_>, _>>())
        .map_err(|e| file_error(setting, file, &e.to_string()))?;
    if certs.is_empty() {
        return Err(file_error(setting, file, "no PEM certificate in it"));
    }
    Ok(certs)
}

/// The client's key, refused as libpq refuses it when others may read it.
fn private_key(file: &Path) -> Result<PrivateKeyDer<'static>> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let meta = std::fs::metadata(file).map_err(|e| file_error("sslkey", file, &e.to_string()))?;
    let mode = meta.permissions().mode();
    let allowed = if meta.uid() == 0 { 0o037 } else { 0o077 };
    if mode & allowed != 0 {
        return Err(Error::invalid(
            "postgres_tls_file",
            crate::tr!(
                "error-postgres-key-mode",
                file = crate::present::escape_control(&file.display().to_string()).into_owned()
            ),
        ));
    }
    PrivateKeyDer::from_pem_file(file).map_err(|e| file_error("sslkey", file, &e.to_string()))
}

/// `require` checks nothing (libpq's meaning: encryption, not identity);
/// `verify-ca` the chain to a trusted root; `verify-full` the name too.
/// The handshake's signatures are always checked. Certificate validity is
/// read against the system's clock by rustls, not the portal's (T4 is the
/// portal's time; a certificate lives in the world's).
#[derive(Debug)]
struct Verifier {
    roots: Option<Arc<RootCertStore>>,
    check_name: bool,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let Some(roots) = &self.roots else {
            return Ok(ServerCertVerified::assertion());
        };
        let cert = rustls::server::ParsedCertificate::try_from(end_entity)?;
        rustls::client::verify_server_cert_signed_by_trust_anchor(
            &cert,
            roots,
            intermediates,
            now,
            self.provider.signature_verification_algorithms.all,
        )?;
        if self.check_name {
            rustls::client::verify_server_name(&cert, server_name)?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

impl MakeTlsConnect<Socket> for Tls {
    type Stream = Stream;
    type TlsConnect = Handshake;
    type Error = io::Error;

    /// Called for every host, sockets too (with no name): a name TLS cannot
    /// use fails the handshake, if one is ever asked for, not the host.
    fn make_tls_connect(&mut self, domain: &str) -> io::Result<Handshake> {
        let name = ServerName::try_from(domain.to_string())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()));
        Ok(Handshake {
            connector: tokio_rustls::TlsConnector::from(self.config.clone()),
            name,
            mode: self.mode,
            seen: self.seen.clone(),
        })
    }
}

/// One host's handshake.
pub struct Handshake {
    connector: tokio_rustls::TlsConnector,
    name: io::Result<ServerName<'static>>,
    mode: SslMode,
    seen: Arc<Mutex<Option<ServerTls>>>,
}

type Handshaking = Pin<Box<dyn Future<Output = io::Result<Stream>> + Send>>;

impl TlsConnect<Socket> for Handshake {
    type Stream = Stream;
    type Error = io::Error;
    type Future = Handshaking;

    fn connect(self, socket: Socket) -> Handshaking {
        Box::pin(async move {
            let stream = self.connector.connect(self.name?, socket).await?;
            let session = stream.get_ref().1;
            let certificate = session
                .peer_certificates()
                .and_then(|chain| chain.first())
                .map(|c| c.to_vec());
            let server = ServerTls {
                subject: certificate.as_deref().and_then(super::certificate::subject),
                mode: self.mode,
            };
            if let Ok(mut seen) = self.seen.lock() {
                *seen = Some(server);
            }
            Ok(Stream {
                inner: stream,
                binding: certificate
                    .as_deref()
                    .and_then(super::certificate::end_point_hash),
            })
        })
    }
}

/// The encrypted session, and its `tls-server-end-point` binding.
pub struct Stream {
    inner: tokio_rustls::client::TlsStream<Socket>,
    binding: Option<Vec<u8>>,
}

impl TlsStream for Stream {
    fn channel_binding(&self) -> ChannelBinding {
        match &self.binding {
            Some(hash) => ChannelBinding::tls_server_end_point(hash.clone()),
            None => ChannelBinding::none(),
        }
    }
}

impl AsyncRead for Stream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The rustls error under a failed connection, if TLS is why it failed.
pub fn rustls_cause<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut next = Some(error);
    while let Some(error) = next {
        if let Some(found) = error.downcast_ref::<rustls::Error>() {
            return Some(found);
        }
        // io::Error's source() skips the error it wraps.
        if let Some(found) = error
            .downcast_ref::<io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(found);
        }
        next = error.source();
    }
    None
}

/// Why the server's certificate was refused, in words that name the
/// setting that changes it (issue 23, item 1); None when the failure was
/// not the certificate's.
pub fn explain(error: &rustls::Error, host: &str, roots: &Roots) -> Option<String> {
    use rustls::CertificateError as Why;
    let rustls::Error::InvalidCertificate(why) = error else {
        return None;
    };
    let host = crate::present::escape_control(host).into_owned();
    let date = |t: &UnixTime| {
        chrono::DateTime::from_timestamp(t.as_secs() as i64, 0)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    };
    Some(match why {
        Why::UnknownIssuer | Why::BadSignature => crate::tr!(
            "error-postgres-tls-unknown-issuer",
            host = host,
            roots = match roots {
                Roots::File(file) =>
                    crate::present::escape_control(&file.display().to_string()).into_owned(),
                Roots::System => crate::tr!("postgres-tls-system-roots"),
            }
        ),
        Why::NotValidForNameContext { presented, .. } => crate::tr!(
            "error-postgres-tls-name",
            host = host,
            names = crate::present::escape_control(
                &presented
                    .iter()
                    .map(|name| unquoted(name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .into_owned()
        ),
        Why::ExpiredContext { not_after, .. } => crate::tr!(
            "error-postgres-tls-expired",
            host = host,
            date = date(not_after)
        ),
        Why::NotValidYetContext { not_before, .. } => crate::tr!(
            "error-postgres-tls-not-yet",
            host = host,
            date = date(not_before)
        ),
        other => crate::tr!(
            "error-postgres-tls-bad-certificate",
            host = host,
            why = crate::present::escape_control(&format!("{other:?}")).into_owned()
        ),
    })
}

/// `DnsName("db.acme.test")`, as rustls lists a certificate's names, as
/// `db.acme.test`.
fn unquoted(name: &str) -> &str {
    match (name.find("(\""), name.strip_suffix("\")")) {
        (Some(open), Some(inner)) if open + 2 <= inner.len() => &inner[open + 2..],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_libpq_mode_reads_back_by_its_name_and_no_other_word_does() {
        for name in SslMode::NAMES {
            assert_eq!(SslMode::parse(name).map(SslMode::name), Some(name));
        }
        assert_eq!(SslMode::parse("verify_full"), None);
        assert_eq!(SslMode::parse("required"), None);
        assert_eq!(SslMode::default(), SslMode::Prefer);
    }

    #[test]
    fn a_certificates_names_read_without_rustls_wrapping() {
        assert_eq!(unquoted("DnsName(\"db.acme.test\")"), "db.acme.test");
        assert_eq!(unquoted("IpAddress(10.0.0.5)"), "IpAddress(10.0.0.5)");
        assert_eq!(unquoted("plain"), "plain");
    }

    #[test]
    fn a_refused_certificate_says_what_failed_and_which_setting_changes_it() {
        use rustls::CertificateError as Why;
        let refused = |why: Why| {
            explain(
                &rustls::Error::InvalidCertificate(why),
                "db.acme.test",
                &Roots::System,
            )
            .expect("a certificate's failure has words")
        };
        let expired = refused(Why::ExpiredContext {
            time: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_780_000_000)),
            not_after: UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_776_000_000)),
        });
        assert!(
            expired.contains("expired on 2026-04-12 13:20 UTC"),
            "{expired}"
        );
        assert!(expired.contains("renew"), "{expired}");
        let unknown = refused(Why::UnknownIssuer);
        assert!(unknown.contains("sslrootcert=FILE"), "{unknown}");
        assert!(unknown.contains("system"), "{unknown}");
        let file = explain(
            &rustls::Error::InvalidCertificate(Why::UnknownIssuer),
            "db",
            &Roots::File("/etc/team-ca.pem".into()),
        )
        .unwrap();
        assert!(file.contains("/etc/team-ca.pem"), "{file}");
        assert_eq!(
            explain(&rustls::Error::HandshakeNotComplete, "db", &Roots::System),
            None
        );
    }

    #[test]
    fn settings_fill_only_what_is_left_out() {
        let given = TlsSettings {
            mode: Some(SslMode::VerifyFull),
            ..TlsSettings::default()
        };
        let service = TlsSettings {
            mode: Some(SslMode::Disable),
            root_cert: Some("/ca.pem".into()),
            ..TlsSettings::default()
        };
        let both = given.or(&service);
        assert_eq!(both.mode, Some(SslMode::VerifyFull));
        assert_eq!(both.root_cert.as_deref(), Some("/ca.pem"));
    }
}
