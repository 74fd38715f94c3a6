//! Downloading pages and feeds: one HTTP client with a timeout, a size cap, a redirect limit,
//! an honest User-Agent and conditional GET; every failure named with its URL.

use std::time::Duration;

use ureq::ResponseExt;

/// Limits for every download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// Largest body gloss accepts.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(30), max_bytes: 16 * 1024 * 1024, max_redirects: 5 }
    }
}

/// What a server said last time, to ask only for what changed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body downloaded, and what the server said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Where the body came from, after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub validators: Validators,
    pub body: Vec<u8>,
}

/// The answer to a (conditional) GET.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the validators were given.
    NotModified,
    Body(Download),
}

/// Why a download failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: the server answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: no such host (check the address, or the network)")]
    HostNotFound { url: String },
    #[error("{url}: no answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: secure connection failed: {why}")]
    Tls { url: String, why: String },
    #[error("{url}: more than {limit} redirects (a redirect loop?)")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url}: larger than {}, gloss's limit for a page or feed", size(*limit))]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: not a web address gloss can fetch (http:// or https://)")]
    BadUrl { url: String },
    #[error("{url}: cannot connect: {why}")]
    Connection { url: String, why: String },
}

/// The User-Agent gloss sends: its name, version and what it is.
pub const USER_AGENT: &str = concat!("gloss/", env!("CARGO_PKG_VERSION"), " (terminal news reader and annotator)");

/// An HTTP client with gloss's limits. Cheap to clone; shared by parallel fetches.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
}

impl Client {
    pub fn new(limits: Limits) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .max_redirects(limits.max_redirects)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build();
        Self { agent: config.into(), limits }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// GETs `url`, conditionally when `validators` are given.
    pub fn get(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, FetchError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(FetchError::BadUrl { url: url.to_owned() });
        }
        let mut request = self.agent.get(url).header("Accept", ACCEPT);
        if let Some(validators) = validators {
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let mut response = request.call().map_err(|error| self.describe(url, error))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status { url: url.to_owned(), status });
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let content_type = header("content-type");
        let final_url = response.get_uri().to_string();
        let body = response
            .body_mut()
            .with_config()
            .limit(self.limits.max_bytes)
            .read_to_vec()
            .map_err(|error| self.describe(url, error))?;
        Ok(Fetched::Body(Download { url: final_url, content_type, validators, body }))
    }

    fn describe(&self, url: &str, error: ureq::Error) -> FetchError {
        let url = url.to_owned();
        match error {
            ureq::Error::StatusCode(status) => FetchError::Status { url, status },
            ureq::Error::HostNotFound => FetchError::HostNotFound { url },
            ureq::Error::Timeout(_) => FetchError::Timeout { url, seconds: self.limits.timeout.as_secs() },
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects { url, limit: self.limits.max_redirects },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge { url, limit: self.limits.max_bytes },
            ureq::Error::BadUri(_) => FetchError::BadUrl { url },
            ureq::Error::Tls(why) => FetchError::Tls { url, why: why.to_owned() },
            ureq::Error::Rustls(why) => FetchError::Tls { url, why: why.to_string() },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout { url, seconds: self.limits.timeout.as_secs() }
            }
            // A failed handshake (a bad certificate, a server that does not speak TLS) comes
            // back as invalid data, or as the server hanging up, on the connection.
            ureq::Error::Io(io)
                if url.starts_with("https://")
                    && matches!(io.kind(), std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof) =>
            {
                FetchError::Tls { url, why: io.to_string() }
            }
            other => FetchError::Connection { url, why: other.to_string() },
        }
    }
}

/// A size in KiB or MiB.
fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MiB", bytes / (1024 * 1024)) } else { format!("{} KiB", bytes / 1024) }
}

/// What gloss can read, most wanted first.
const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, \
                      application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.5, */*;q=0.1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_errors_name_the_url_and_what_went_wrong() {
        let client = Client::new(Limits::default());
        let url = "https://nowhere.example/feed";
        assert_eq!(
            client.describe(url, ureq::Error::HostNotFound).to_string(),
            "https://nowhere.example/feed: no such host (check the address, or the network)"
        );
        assert_eq!(
            client.describe(url, ureq::Error::Tls("bad certificate")).to_string(),
            "https://nowhere.example/feed: secure connection failed: bad certificate"
        );
        assert_eq!(
            client.describe(url, ureq::Error::BodyExceedsLimit(1)).to_string(),
            "https://nowhere.example/feed: larger than 16 MiB, gloss's limit for a page or feed"
        );
    }
}
