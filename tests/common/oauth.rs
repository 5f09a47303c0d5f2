//! The OAuth 2.0 / OpenID Connect server the tests use: oidc-provider on
//! Node (`tests/oauth/server.js`, installed by `npm ci --prefix
//! tests/oauth`), started on loopback for one test and ended with it (its
//! stdin closes when this is dropped).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

pub struct OAuthServer {
    child: Child,
    pub url: String,
    /// Every access and refresh token the server issued.
    issued: Arc<Mutex<Vec<String>>>,
}

fn folder() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oauth"))
}

impl OAuthServer {
    /// One server with the default lifetimes for every test of the process
    /// that needs nothing else of it (a Node process each cost a third of a
    /// second of CPU); it ends with the process (its stdin closes).
    pub fn shared() -> &'static OAuthServer {
        static SHARED: std::sync::OnceLock<OAuthServer> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| OAuthServer::start(3600, 600))
    }

    /// Starts the server: access tokens live `access_seconds`, device
    /// codes `device_seconds`.
    pub fn start(access_seconds: u64, device_seconds: u64) -> OAuthServer {
        let mut child = Command::new("node")
            .arg("server.js")
            .arg(access_seconds.to_string())
            .arg(device_seconds.to_string())
            .current_dir(folder())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node and `npm ci --prefix tests/oauth` (README, Test)");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let url = loop {
            let line = lines
                .next()
                .expect("the OAuth test server said where it listens")
                .unwrap();
            if let Some(url) = line.strip_prefix("listening ") {
                break url.to_string();
            }
        };
        let issued = Arc::new(Mutex::new(Vec::new()));
        let seen = issued.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Some(token) = line.strip_prefix("issued ") {
                    seen.lock().unwrap().push(token.to_string());
                }
            }
        });
        OAuthServer { child, url, issued }
    }

    /// The config file's section registering Switchboard with it as `network`.
    pub fn config(&self, network: &str) -> String {
        let url = &self.url;
        format!(
            "[networks.{network}]\n\
             client_id = \"switchboard\"\n\
             authorization_url = \"{url}/auth\"\n\
             token_url = \"{url}/token\"\n\
             device_authorization_url = \"{url}/device/auth\"\n\
             revocation_url = \"{url}/token/revocation\"\n\
             introspection_url = \"{url}/token/introspection\"\n\
             userinfo_url = \"{url}/me\"\n\
             scopes = [\"openid\", \"profile\", \"offline_access\"]\n"
        )
    }

    /// Signs in as `login` at the device page and approves (or declines)
    /// the code, as a browser would (`tests/oauth/approve.py`).
    pub fn approve(&self, user_code: &str, login: &str, decline: bool) {
        self.sign_in_at(&format!("{}/device", self.url), user_code, login, decline)
    }

    /// Opens an authorization URL as a browser would, signs in as `login`
    /// and consents (or declines), following the redirect to the app.
    pub fn approve_browser(&self, url: &str, login: &str, decline: bool) {
        self.sign_in_at(url, "-", login, decline)
    }

    fn sign_in_at(&self, url: &str, user_code: &str, login: &str, decline: bool) {
        let mut command = Command::new("python3");
        command
            .arg("approve.py")
            .arg(url)
            .arg(user_code)
            .arg(login)
            .current_dir(folder());
        if decline {
            command.arg("deny");
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "the device page did not take the code: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    pub fn issued(&self) -> Vec<String> {
        self.issued.lock().unwrap().clone()
    }
}

impl Drop for OAuthServer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl OAuthServer {
    /// Revokes a token at the server (RFC 7009), as a network does when the
    /// user withdraws the app's access.
    pub fn revoke(&self, token: &str) {
        let script = "import sys, urllib.request, urllib.parse\n\
                      data = urllib.parse.urlencode({'token': sys.argv[2], 'client_id': 'switchboard'}).encode()\n\
                      urllib.request.urlopen(sys.argv[1] + '/token/revocation', data=data, timeout=10).read()\n";
        let status = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&self.url)
            .arg(token)
            .status()
            .unwrap();
        assert!(status.success(), "the server took the revocation");
    }
}

impl OAuthServer {
    /// Whether the server still honours a token (RFC 7662).
    pub fn active(&self, token: &str) -> bool {
        let script = "import sys, json, urllib.request, urllib.parse\n\
                      data = urllib.parse.urlencode({'token': sys.argv[2], 'client_id': 'switchboard'}).encode()\n\
                      print(json.load(urllib.request.urlopen(sys.argv[1] + '/token/introspection', data=data, timeout=10))['active'])\n";
        let output = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&self.url)
            .arg(token)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).trim() == "True"
    }
}
