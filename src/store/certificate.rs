//! The two things Switchboard reads from a PostgreSQL server's X.509
//! certificate (issue 23): its subject, for `portal show`, and its
//! signature's hash, for SCRAM's `tls-server-end-point` channel binding
//! (RFC 5929). rustls has already checked the certificate where the mode
//! asks for it; this walk only reads, and a certificate it cannot read
//! gives None, never a panic (the bytes come from the network).

/// One DER element: its tag, its content, and what follows it.
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |n, &b| (n << 8) | usize::from(b));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    Some((tag, &rest[..length], &rest[length..]))
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;

/// The certificate's TBSCertificate content, and the signature algorithm's
/// OID content that follows it.
fn parts(certificate: &[u8]) -> Option<(&[u8], &[u8])> {
    let (SEQUENCE, certificate, _) = element(certificate)? else {
        return None;
    };
    let (SEQUENCE, tbs, rest) = element(certificate)? else {
        return None;
    };
    let (SEQUENCE, algorithm, _) = element(rest)? else {
        return None;
    };
    let (OID, oid, _) = element(algorithm)? else {
        return None;
    };
    Some((tbs, oid))
}

/// The subject as people write it (RFC 4514 order, `CN=db.acme.test,
/// O=Acme, C=IT`); attributes without a short name show their OID.
pub fn subject(certificate: &[u8]) -> Option<String> {
    let (tbs, _) = parts(certificate)?;
    let mut rest = tbs;
    let (tag, _, after) = element(rest)?;
    if tag == 0xa0 {
        rest = after; // [0] version
    }
    // serial, signature, issuer, validity, then the subject.
    for _ in 0..4 {
        rest = element(rest)?.2;
    }
    let (SEQUENCE, mut name, _) = element(rest)? else {
        return None;
    };
    let mut names = Vec::new();
    while !name.is_empty() {
        let (SET, mut set, after) = element(name)? else {
            return None;
        };
        name = after;
        while !set.is_empty() {
            let (SEQUENCE, pair, after) = element(set)? else {
                return None;
            };
            set = after;
            let (OID, oid, value) = element(pair)? else {
                return None;
            };
            let (kind, value, _) = element(value)?;
            names.push(format!("{}={}", attribute(oid), text(kind, value)));
        }
    }
    names.reverse();
    Some(names.join(", "))
}

fn attribute(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, 0x03] => "CN".into(),
        [0x55, 0x04, 0x06] => "C".into(),
        [0x55, 0x04, 0x07] => "L".into(),
        [0x55, 0x04, 0x08] => "ST".into(),
        [0x55, 0x04, 0x0a] => "O".into(),
        [0x55, 0x04, 0x0b] => "OU".into(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC".into(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress".into(),
        _ => dotted(oid),
    }
}

fn dotted(oid: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut value: u64 = 0;
    for &byte in oid {
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (value / 40).min(2);
                arcs.push(first);
                arcs.push(value - first * 40);
            } else {
                arcs.push(value);
            }
            value = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A directory string's text: UTF-8, printable, IA5 and T.61 (read as
/// Latin-1) strings, and UCS-2 (BMP); anything else as `#` and hex, as
/// RFC 4514 writes a value it cannot show.
fn text(kind: u8, value: &[u8]) -> String {
    match kind {
        0x0c | 0x13 | 0x16 => String::from_utf8_lossy(value).into_owned(),
        0x14 => value.iter().map(|&b| char::from(b)).collect(),
        0x1e => char::decode_utf16(
            value
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        _ => std::iter::once("#".to_string())
            .chain(value.iter().map(|b| format!("{b:02x}")))
            .collect(),
    }
}

/// The hash RFC 5929 names for `tls-server-end-point`: the certificate's
/// signature hash, SHA-256 for MD5 and SHA-1; None for signatures with no
/// single hash (RSASSA-PSS, EdDSA), which then bind nothing.
pub fn end_point_hash(certificate: &[u8]) -> Option<Vec<u8>> {
    use sha2::Digest;
    const RSA: [u8; 8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
    const ECDSA: [u8; 7] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03];
    let (_, oid) = parts(certificate)?;
    let (family, last) = oid.split_last().map(|(last, family)| (family, *last))?;
    let bits = match (family, last) {
        // md5, sha1, sha256 with RSA; ecdsa-with-SHA1 is 1.2.840.10045.4.1.
        (f, 0x04 | 0x05 | 0x0b) if f == RSA => 256,
        (f, 0x0c) if f == RSA => 384,
        (f, 0x0d) if f == RSA => 512,
        (f, 0x02) if f == ECDSA => 256,
        (f, 0x03) if f == ECDSA => 384,
        (f, 0x04) if f == ECDSA => 512,
        ([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04], 0x01) => 256,
        _ => return None,
    };
    Some(match bits {
        256 => sha2::Sha256::digest(certificate).to_vec(),
        384 => sha2::Sha384::digest(certificate).to_vec(),
        _ => sha2::Sha512::digest(certificate).to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short form length, a long form one, and truncated input.
    #[test]
    fn elements_read_short_and_long_lengths_and_refuse_what_is_cut_short() {
        assert_eq!(
            element(&[0x04, 0x01, 0xaa, 0xbb]),
            Some((4, &[0xaa][..], &[0xbb][..]))
        );
        let long = [&[0x04, 0x81, 0x80][..], &[7; 0x80]].concat();
        assert_eq!(element(&long).map(|(_, c, _)| c.len()), Some(0x80));
        assert_eq!(element(&[0x04, 0x05, 1, 2]), None);
        assert_eq!(element(&[0x04, 0x85, 1, 1, 1, 1, 1]), None);
        assert_eq!(subject(&[0x30, 0x03, 0x30, 0x01]), None);
        assert_eq!(end_point_hash(&[]), None);
    }

    #[test]
    fn object_identifiers_without_a_short_name_are_dotted() {
        assert_eq!(
            dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]),
            "1.2.840.113549"
        );
        assert_eq!(attribute(&[0x55, 0x04, 0x03]), "CN");
        assert_eq!(text(0x1e, &[0x00, 0x41, 0x00, 0xe8]), "Aè");
        assert_eq!(text(0x04, &[0xde, 0xad]), "#dead");
    }
}
