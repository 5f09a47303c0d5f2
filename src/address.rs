//! Where a delivery may go: host names, and where a webhook may point
//! (issue 17, item 8). Below the store and the delivery both, which check
//! an address when it is set and again when it is used.
//!
//! Where a webhook may point: by default only public
//! addresses, so no user can aim the watch at the services of its own
//! host or network (a database port, an SSH daemon, a cloud's metadata
//! address) or learn from the outbox's errors which of them answer. The
//! operator opens private targets with `[delivery] allow_private_webhooks
//! = true`. Checked when a URL is set (its literal address) and again on
//! every resolved address at send time.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why `ip` is not a public address, if it is not.
pub fn forbidden(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => {
            // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that
            // IPv4 address.
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_v4(v4);
            }
            forbidden_v6(v6)
        }
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_unspecified() || a == 0 {
        Some("an unspecified address")
    } else if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_private() {
        Some("a private address")
    } else if a == 100 && (64..128).contains(&b) {
        Some("a shared (carrier-grade NAT) address")
    } else if ip.is_link_local() {
        Some("a link-local address")
    } else if ip.is_multicast() {
        Some("a multicast address")
    } else if ip.is_broadcast() || a >= 240 {
        Some("a reserved address")
    } else {
        None
    }
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let first = ip.segments()[0];
    if ip.is_unspecified() {
        Some("an unspecified address")
    } else if ip.is_loopback() {
        Some("a loopback address")
    } else if first & 0xfe00 == 0xfc00 {
        Some("a unique-local address")
    } else if first & 0xffc0 == 0xfe80 {
        Some("a link-local address")
    } else if ip.is_multicast() {
        Some("a multicast address")
    } else if let Some(v4) = ip.to_ipv4() {
        // The deprecated IPv4-compatible form (::127.0.0.1).
        forbidden_v4(v4)
    } else {
        None
    }
}

/// A host name (letters, digits, hyphens, dots; labels of 1 to 63) or an IP
/// address.
pub fn check_host(host: &str) -> Result<(), String> {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    if host.is_empty() || host.len() > 253 {
        return Err("a host name is 1 to 253 characters".into());
    }
    for label in host.trim_end_matches('.').split('.') {
        let fine = !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !fine {
            return Err(
                "not a host name (letters, digits and hyphens between dots, like smtp.example.com)"
                    .into(),
            );
        }
    }
    Ok(())
}

/// A host written as an IPv4 address in any form the C library accepts
/// (`inet_aton`: `127.1`, `2130706433`, `0x7f.0.0.1`, `0177.0.0.1`), which
/// the system resolver turns into that address without asking DNS.
pub fn numeric_ipv4(host: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        let (digits, radix) =
            if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
                (hex, 16)
            } else if part.len() > 1 && part.starts_with('0') {
                (&part[1..], 8)
            } else {
                (*part, 10)
            };
        if digits.is_empty() && radix != 16 {
            return None;
        }
        let value = if digits.is_empty() {
            0
        } else {
            u64::from_str_radix(digits, radix).ok()?
        };
        numbers.push(value);
    }
    let (last, leading) = numbers.split_last()?;
    if leading.iter().any(|&n| n > 255) {
        return None;
    }
    let room = 8 * (4 - leading.len()) as u32;
    if *last >= 1u64 << room {
        return None;
    }
    let mut value: u64 = 0;
    for (i, n) in leading.iter().enumerate() {
        value |= n << (24 - 8 * i as u32);
    }
    Some(Ipv4Addr::from((value | last) as u32))
}

/// The address a host names without asking DNS, if it is one.
pub fn literal_address(host: &str) -> Option<IpAddr> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>()
        .ok()
        .or_else(|| numeric_ipv4(bare).map(IpAddr::V4))
}

/// A webhook address as it may be set: http or https, a valid host, no
/// credentials, and (unless private targets are allowed) no literal
/// address or local name outside the public internet.
pub fn check_url(url: &str, allow_private: bool) -> Result<(), String> {
    let uri: ureq::http::Uri = url.parse().map_err(|_| {
        format!("{url:?} is not a URL (like https://hooks.example.com/switchboard)")
    })?;
    match uri.scheme_str() {
        Some("http") | Some("https") => {}
        _ => {
            return Err(format!(
                "{url:?}: a webhook URL starts with https:// or http://"
            ));
        }
    }
    let authority = uri.authority().map(|a| a.as_str()).unwrap_or("");
    if authority.contains('@') {
        return Err(
            "a webhook URL holds no user name or password: the signature is how a receiver knows Switchboard"
                .into(),
        );
    }
    let host = uri.host().unwrap_or("");
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if check_host(bare).is_err() {
        return Err(format!("{url:?}: the URL has no valid host"));
    }
    if allow_private {
        return Ok(());
    }
    let lower = bare.trim_end_matches('.').to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return Err(format!(
            "{bare} is this machine: webhooks go to public addresses unless [delivery] allow_private_webhooks = true"
        ));
    }
    if let Some(ip) = literal_address(bare)
        && let Some(why) = forbidden(ip)
    {
        let named = if bare == ip.to_string() {
            String::new()
        } else {
            format!(" ({ip})")
        };
        return Err(format!(
            "{bare}{named} is {why}: webhooks go to public addresses unless [delivery] allow_private_webhooks = true"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_local_address_is_refused_by_default() {
        for url in [
            "http://127.0.0.1:5432/",
            "http://[::1]:22/",
            "http://0.0.0.0/",
            "http://2130706433/",
            "http://127.1/",
            "http://0x7f.0.0.1/",
            "http://0177.0.0.1/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[ff02::1]/",
            "http://224.0.0.1/",
            "http://localhost:8080/",
            "http://app.localhost/",
        ] {
            let refused = check_url(url, false);
            assert!(refused.is_err(), "{url} was accepted");
            assert!(check_url(url, true).is_ok(), "{url} refused when allowed");
        }
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        assert!(check_url("http://93.184.216.34/", false).is_ok());
    }

    #[test]
    fn a_url_with_credentials_is_refused_even_when_private_targets_are_allowed() {
        let refused = check_url("http://user:pw@hooks.example.com/", true).unwrap_err();
        assert!(refused.contains("no user name or password"), "{refused}");
    }

    #[test]
    fn numeric_forms_read_as_inet_aton_reads_them() {
        assert_eq!(numeric_ipv4("127.1"), Some(Ipv4Addr::new(127, 0, 0, 1)));
        assert_eq!(
            numeric_ipv4("2130706433"),
            Some(Ipv4Addr::new(127, 0, 0, 1))
        );
        assert_eq!(numeric_ipv4("10.1.2"), Some(Ipv4Addr::new(10, 1, 0, 2)));
        assert_eq!(numeric_ipv4("hooks"), None);
        assert_eq!(numeric_ipv4("256.1.1.1"), None);
    }
}
