//! A small HTTP/1.1 server on 127.0.0.1 for tests: fixed replies per path, changeable while it
//! runs, with `ETag`s, redirects, errors, slow and oversized replies. It touches no other address.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with a body; with an `ETag`, a request whose `If-None-Match` matches gets 304.
    Ok {
        content_type: String,
        body: Vec<u8>,
        etag: Option<String>,
    },
    Status(u16),
    /// 302 to another path or URL.
    Redirect(String),
    /// The reply, after a pause.
    Slow(Duration, Box<Reply>),
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self::Ok { content_type: content_type.to_owned(), body: body.into(), etag: None }
    }

    pub fn with_etag(content_type: &str, body: impl Into<Vec<u8>>, etag: &str) -> Self {
        Self::Ok { content_type: content_type.to_owned(), body: body.into(), etag: Some(etag.to_owned()) }
    }
}

/// One request the server saw: its path and headers (names lower-cased).
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
}

type Routes = Arc<Mutex<HashMap<String, Reply>>>;

/// A running server; stops when dropped.
pub struct TestServer {
    address: SocketAddr,
    routes: Routes,
    seen: Arc<Mutex<Vec<Seen>>>,
    stopping: Arc<AtomicBool>,
}

impl TestServer {
    /// Starts a server on a free port of 127.0.0.1.
    pub fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let server = Self {
            address: listener.local_addr()?,
            routes: Routes::default(),
            seen: Arc::default(),
            stopping: Arc::default(),
        };
        let (routes, seen, stopping) = (server.routes.clone(), server.seen.clone(), server.stopping.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (routes, seen) = (routes.clone(), seen.clone());
                thread::spawn(move || serve(stream, &routes, &seen));
            }
        });
        Ok(server)
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Answers `path` with `reply` from now on.
    pub fn set(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap_or_else(PoisonError::into_inner).insert(path.to_owned(), reply);
    }

    /// The requests seen so far, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag; failing means it has already gone.
        if let Ok(wake) = TcpStream::connect(self.address) {
            drop(wake);
        }
    }
}

fn serve(stream: TcpStream, routes: &Routes, seen: &Mutex<Vec<Seen>>) {
    let Ok(reader) = stream.try_clone() else { return };
    let mut lines = BufReader::new(reader);
    let mut request_line = String::new();
    if lines.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        match lines.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = line.split_once(':') {
                    headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
                }
            }
        }
    }
    let reply = routes.lock().unwrap_or_else(PoisonError::into_inner).get(&path).cloned();
    seen.lock().unwrap_or_else(PoisonError::into_inner).push(Seen { path, headers: headers.clone() });
    if let Err(error) = respond(stream, reply.unwrap_or(Reply::Status(404)), &headers) {
        // A client that hangs up early (a size cap, a timeout) is what some tests want.
        eprintln!("test server: the client went away: {error}");
    }
}

fn respond(mut stream: TcpStream, reply: Reply, headers: &HashMap<String, String>) -> std::io::Result<()> {
    let (status, extra, content_type, body) = match reply {
        Reply::Slow(pause, reply) => {
            thread::sleep(pause);
            return respond(stream, *reply, headers);
        }
        Reply::Status(status) => {
            (status, String::new(), "text/plain".to_owned(), format!("status {status}\n").into_bytes())
        }
        Reply::Redirect(to) => (302, format!("Location: {to}\r\n"), "text/plain".to_owned(), Vec::new()),
        Reply::Ok { etag: Some(etag), .. } if headers.get("if-none-match") == Some(&etag) => {
            (304, format!("ETag: {etag}\r\n"), "text/plain".to_owned(), Vec::new())
        }
        Reply::Ok { content_type, body, etag } => {
            (200, etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default(), content_type, body)
        }
    };
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)
}
