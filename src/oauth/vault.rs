//! The vault for grants' tokens (issue 20): XChaCha20-Poly1305 (RustCrypto)
//! under a random 256-bit key kept outside the portal, in an owner-only
//! key file in the data directory (`vault.key`), or given as
//! `SWITCHBOARD_VAULT_KEY` (64 hex digits). The portal holds only what
//! `seal` returns; a lost key makes the grants unreadable and nothing else.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::Secret;
use crate::error::{Error, Result};

/// What a sealed text starts with: the format's version.
const SEALED: &str = "v1.";

pub struct Vault {
    cipher: XChaCha20Poly1305,
}

/// The key never shows in a debug print.
impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault")
    }
}

fn key_error(why: String) -> Error {
    Error::other("vault_key", crate::tr!("error-vault-key", why = why))
}

fn parse_key(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(key)
}

impl Vault {
    /// The key file in a data directory.
    pub fn key_path(data_dir: &Path) -> PathBuf {
        data_dir.join("vault.key")
    }

    /// The vault: `SWITCHBOARD_VAULT_KEY`, else the key file; with
    /// `create`, a missing key file is made (random, 0600). `None` when
    /// there is no key and none may be made.
    pub fn open(data_dir: &Path, create: bool) -> Result<Option<Vault>> {
        if let Some(text) = std::env::var_os("SWITCHBOARD_VAULT_KEY") {
            let key = parse_key(&text.to_string_lossy())
                .ok_or_else(|| key_error(crate::tr!("vault-why-env")))?;
            return Ok(Some(Vault::with_key(&key)));
        }
        let path = Vault::key_path(data_dir);
        if path.exists() {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path)
                    .map_err(|e| key_error(e.to_string()))?
                    .permissions()
                    .mode();
                if mode & 0o077 != 0 {
                    return Err(key_error(crate::tr!(
                        "vault-why-mode",
                        path = path.display().to_string()
                    )));
                }
            }
            let bytes =
                crate::files::read_bounded(&path, 1024).map_err(|e| key_error(e.to_string()))?;
            let key = parse_key(&String::from_utf8_lossy(&bytes)).ok_or_else(|| {
                key_error(crate::tr!(
                    "vault-why-file",
                    path = path.display().to_string()
                ))
            })?;
            return Ok(Some(Vault::with_key(&key)));
        }
        if !create {
            return Ok(None);
        }
        let mut key = [0u8; 32];
        getrandom::getrandom(&mut key).map_err(|e| key_error(e.to_string()))?;
        crate::files::create_private_dir(data_dir)?;
        let text: String = key.iter().map(|b| format!("{b:02x}")).collect();
        crate::files::write_new_file(&path, "vault key", |mut file| {
            use std::io::Write;
            file.write_all(format!("{text}\n").as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|e| key_error(e.to_string()))
        })?;
        Ok(Some(Vault::with_key(&key)))
    }

    fn with_key(key: &[u8; 32]) -> Vault {
        Vault {
            cipher: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// The token sealed for one account (its id is bound in, so a sealed
    /// token moved to another account's row does not open there).
    pub fn seal(&self, token: &Secret, account: i64) -> Result<String> {
        let mut nonce = [0u8; 24];
        getrandom::getrandom(&mut nonce).map_err(|e| key_error(e.to_string()))?;
        let aad = format!("switchboard grant {account}");
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: token.expose().as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| key_error(crate::tr!("vault-why-seal")))?;
        let mut all = nonce.to_vec();
        all.extend_from_slice(&sealed);
        Ok(format!("{SEALED}{}", B64.encode(all)))
    }

    /// The token a `seal` made for this account; `None` when it does not
    /// open (another key, another account, altered).
    pub fn open_sealed(&self, sealed: &str, account: i64) -> Option<Secret> {
        let bytes = B64.decode(sealed.strip_prefix(SEALED)?).ok()?;
        if bytes.len() < 24 + 16 {
            return None;
        }
        let (nonce, body) = bytes.split_at(24);
        let aad = format!("switchboard grant {account}");
        let plain = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok().map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_token_opens_only_with_its_key_and_for_its_account() {
        let vault = Vault::with_key(&[7; 32]);
        let token = Secret("an-access-token".into());
        let sealed = vault.seal(&token, 12).unwrap();
        assert!(!sealed.contains("an-access-token"));
        assert_eq!(vault.open_sealed(&sealed, 12), Some(token.clone()));
        assert_eq!(vault.open_sealed(&sealed, 13), None, "another account");
        assert_eq!(Vault::with_key(&[8; 32]).open_sealed(&sealed, 12), None);
        // Sealed twice, two texts (a fresh nonce each time).
        assert_ne!(vault.seal(&token, 12).unwrap(), sealed);
    }
}
