//! The IPC channel between a parent and its child, made the way Node makes it: a Unix socketpair
//! whose child end becomes file descriptor 3 in the child (announced by `NODE_CHANNEL_FD=3`), and
//! newline-delimited JSON in both directions (`JSON.stringify(message) + "\n"`, Node's `json`
//! serialization). Sockets and other descriptors travel beside a message as SCM_RIGHTS ancillary
//! data, as Node passes a `net.Socket` to a cluster worker.
//!
//! A malformed line (not JSON) or an oversized one (over [`MAX_MESSAGE`] bytes) is reported as
//! [`Incoming::Malformed`] and dropped; the channel goes on. This module only moves bytes and
//! descriptors: it does not know what the messages mean.

use std::collections::VecDeque;
use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::Arc;

use nix::sys::socket::{
    recvmsg, sendmsg, shutdown, socketpair, AddressFamily, ControlMessage, ControlMessageOwned,
    MsgFlags, Shutdown, SockFlag, SockType, UnixAddr,
};
use serde_json::Value;
use tokio::io::unix::AsyncFd;

/// The descriptor number of the channel in the child, as in Node.
pub const CHANNEL_FD: RawFd = 3;
/// The environment variable that tells a child where its channel is, as in Node.
pub const CHANNEL_FD_ENV: &str = "NODE_CHANNEL_FD";
/// The longest message accepted, in bytes (newline excluded). Longer lines are dropped.
pub const MAX_MESSAGE: usize = 64 * 1024;
/// The `cmd` of a message that carries a descriptor (Node's internal `NODE_HANDLE`).
pub const HANDLE_CMD: &str = "NODE_HANDLE";

/// A new socketpair: `(parent end, child end)`, both close-on-exec (the spawner gives the child
/// end to the child as fd 3).
pub fn pair() -> io::Result<(OwnedFd, OwnedFd)> {
    socketpair(
        AddressFamily::Unix,
        SockType::Stream,
        None,
        SockFlag::SOCK_CLOEXEC,
    )
    .map_err(io::Error::from)
}

/// Something that arrived on the channel.
#[derive(Debug)]
pub enum Incoming {
    /// A message, and the descriptor that travelled with it if it is a `NODE_HANDLE` message.
    Message { value: Value, fd: Option<OwnedFd> },
    /// A line that was not a message (bad JSON, too long, not UTF-8): reported, then dropped.
    Malformed { reason: String },
}

/// Split a channel end into its reading and writing halves (they share the descriptor).
pub fn channel(fd: OwnedFd) -> io::Result<(Reader, Writer)> {
    set_nonblocking(fd.as_raw_fd())?;
    // SAFETY: the AsyncFd takes ownership of the descriptor and deregisters it before closing it.
    let fd = Arc::new(unsafe { AsyncFd::register(fd) }?);
    Ok((
        Reader {
            fd: fd.clone(),
            buf: Vec::with_capacity(256),
            fds: VecDeque::new(),
            skipping: false,
            eof: false,
        },
        Writer {
            fd,
            lock: tokio::sync::Mutex::new(()),
        },
    ))
}

fn set_nonblocking(fd: RawFd) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor we own, with plain integer arguments.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The reading half: yields messages in the order they were sent, `None` at end-of-file.
pub struct Reader {
    fd: Arc<AsyncFd<OwnedFd>>,
    buf: Vec<u8>,
    fds: VecDeque<OwnedFd>,
    skipping: bool,
    eof: bool,
}

impl Reader {
    /// The next message, or `None` once the other side has closed (or the channel failed).
    pub async fn next(&mut self) -> Option<Incoming> {
        loop {
            if let Some(incoming) = self.take_line() {
                return Some(incoming);
            }
            if self.eof {
                if !self.buf.is_empty() && !self.skipping {
                    self.buf.clear();
                    return Some(Incoming::Malformed {
                        reason: "the channel closed in the middle of a message".into(),
                    });
                }
                return None;
            }
            self.fill().await;
        }
    }

    fn take_line(&mut self) -> Option<Incoming> {
        loop {
            let newline = self.buf.iter().position(|&b| b == b'\n');
            if self.skipping {
                match newline {
                    Some(pos) => {
                        self.buf.drain(..=pos);
                        self.skipping = false;
                        continue;
                    }
                    None => {
                        self.buf.clear();
                        return None;
                    }
                }
            }
            let Some(pos) = newline else {
                if self.buf.len() > MAX_MESSAGE {
                    self.buf.clear();
                    self.skipping = true;
                    return Some(Incoming::Malformed {
                        reason: format!("a message longer than {MAX_MESSAGE} bytes was dropped"),
                    });
                }
                return None;
            };
            let line: Vec<u8> = self.buf.drain(..=pos).collect();
            let line = &line[..line.len() - 1];
            if line.is_empty() {
                continue;
            }
            if line.len() > MAX_MESSAGE {
                return Some(Incoming::Malformed {
                    reason: format!(
                        "a message of {} bytes (over {MAX_MESSAGE}) was dropped",
                        line.len()
                    ),
                });
            }
            return Some(match serde_json::from_slice::<Value>(line) {
                Ok(value) => {
                    let fd = if value.get("cmd").and_then(Value::as_str) == Some(HANDLE_CMD) {
                        self.fds.pop_front()
                    } else {
                        None
                    };
                    Incoming::Message { value, fd }
                }
                Err(err) => Incoming::Malformed {
                    reason: format!(
                        "not JSON ({err}): {:?}",
                        String::from_utf8_lossy(&line[..line.len().min(60)])
                    ),
                },
            });
        }
    }

    async fn fill(&mut self) {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let Ok(mut guard) = self.fd.readable().await else {
                self.eof = true;
                return;
            };
            let mut cmsg = nix::cmsg_space!([RawFd; 8]);
            let result = guard.try_io(|fd| {
                let mut iov = [IoSliceMut::new(&mut chunk)];
                let msg = recvmsg::<UnixAddr>(
                    fd.as_raw_fd(),
                    &mut iov,
                    Some(&mut cmsg),
                    MsgFlags::MSG_CMSG_CLOEXEC,
                )
                .map_err(io::Error::from)?;
                let mut fds = Vec::new();
                if let Ok(cmsgs) = msg.cmsgs() {
                    for c in cmsgs {
                        if let ControlMessageOwned::ScmRights(received) = c {
                            fds.extend(received);
                        }
                    }
                }
                Ok((msg.bytes, fds))
            });
            match result {
                Ok(Ok((n, fds))) => {
                    for raw in fds {
                        // SAFETY: the kernel just gave us these descriptors; nobody else owns them.
                        self.fds.push_back(unsafe { OwnedFd::from_raw_fd(raw) });
                    }
                    if n == 0 {
                        self.eof = true;
                    } else {
                        self.buf.extend_from_slice(&chunk[..n]);
                    }
                    return;
                }
                Ok(Err(err)) if err.kind() == io::ErrorKind::Interrupted => continue,
                Ok(Err(_)) => {
                    self.eof = true;
                    return;
                }
                Err(_would_block) => continue,
            }
        }
    }
}

/// The writing half. Sends are serialized, so messages from several tasks never interleave.
pub struct Writer {
    fd: Arc<AsyncFd<OwnedFd>>,
    lock: tokio::sync::Mutex<()>,
}

impl Writer {
    /// Send one message (`JSON.stringify(value) + "\n"`).
    pub async fn send(&self, value: &Value) -> io::Result<()> {
        self.send_with(value, None).await
    }

    /// Send one message with a descriptor beside it (SCM_RIGHTS). The receiver gets its own copy;
    /// the caller still owns `fd`.
    pub async fn send_fd(&self, value: &Value, fd: RawFd) -> io::Result<()> {
        self.send_with(value, Some(fd)).await
    }

    async fn send_with(&self, value: &Value, fd: Option<RawFd>) -> io::Result<()> {
        let mut bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
        bytes.push(b'\n');
        let _serial = self.lock.lock().await;
        let mut sent = 0;
        while sent < bytes.len() {
            let mut guard = self.fd.writable().await?;
            let fds = fd.map(|f| [f]);
            let with_fd = sent == 0 && fds.is_some();
            let result = guard.try_io(|sock| {
                let iov = [IoSlice::new(&bytes[sent..])];
                let cmsgs: Vec<ControlMessage> = match (&fds, with_fd) {
                    (Some(f), true) => vec![ControlMessage::ScmRights(f)],
                    _ => Vec::new(),
                };
                sendmsg::<UnixAddr>(sock.as_raw_fd(), &iov, &cmsgs, MsgFlags::MSG_NOSIGNAL, None)
                    .map_err(io::Error::from)
            });
            match result {
                Ok(Ok(n)) => sent += n,
                Ok(Err(err)) if err.kind() == io::ErrorKind::Interrupted => {}
                Ok(Err(err)) => return Err(err),
                Err(_would_block) => {}
            }
        }
        Ok(())
    }

    /// Close our sending direction: the other side reads end-of-file (Node's `disconnect()`).
    /// We can still read what it sends until it closes too.
    pub fn disconnect(&self) {
        let _ = shutdown(self.fd.get_ref().as_raw_fd(), Shutdown::Write);
    }
}

/// The child's end of the channel, for a child that does not run an async runtime: fd 3 as a
/// blocking Unix stream. Returns `None` when `NODE_CHANNEL_FD` is not 3 (not started as a child).
pub fn child_end_blocking() -> Option<std::os::unix::net::UnixStream> {
    if std::env::var(CHANNEL_FD_ENV).ok()?.trim() != CHANNEL_FD.to_string() {
        return None;
    }
    // SAFETY: fd 3 was set up by our parent as the channel (NODE_CHANNEL_FD=3); we take it once.
    Some(unsafe { std::os::unix::net::UnixStream::from_raw_fd(CHANNEL_FD) })
}

/// The child's end of the channel for an async child (a cluster worker).
pub fn child_end() -> io::Result<(Reader, Writer)> {
    let stream = child_end_blocking().ok_or_else(|| {
        io::Error::other("no IPC channel: this command is started by mini-node itself, not by hand")
    })?;
    channel(OwnedFd::from(stream))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::io::Write;

    #[tokio::test]
    async fn messages_arrive_in_order_and_bad_lines_are_dropped() {
        let (a, b) = pair().unwrap();
        let mut raw = std::os::unix::net::UnixStream::from(a.try_clone().unwrap());
        let (_ra, wa) = channel(a).unwrap();
        let (mut rb, _wb) = channel(b).unwrap();
        wa.send(&json!("start...")).await.unwrap();
        raw.write_all(b"{not json\n").unwrap();
        raw.write_all(&vec![b'x'; MAX_MESSAGE + 10]).unwrap();
        raw.write_all(b"\n42\n").unwrap();
        wa.send(&json!({"n": 1})).await.unwrap();
        drop(raw);
        drop(wa);
        drop(_ra);
        let mut seen = Vec::new();
        while let Some(incoming) = rb.next().await {
            seen.push(match incoming {
                Incoming::Message { value, .. } => value.to_string(),
                Incoming::Malformed { .. } => "malformed".to_string(),
            });
        }
        assert_eq!(
            seen,
            ["\"start...\"", "malformed", "malformed", "42", "{\"n\":1}"]
        );
    }

    #[tokio::test]
    async fn a_descriptor_travels_with_its_message() {
        let (a, b) = pair().unwrap();
        let (_ra, wa) = channel(a).unwrap();
        let (mut rb, _wb) = channel(b).unwrap();
        let (p1, p2) = std::os::unix::net::UnixStream::pair().unwrap();
        wa.send(&json!("before")).await.unwrap();
        wa.send_fd(&json!({"cmd": HANDLE_CMD, "seq": 1}), p1.as_raw_fd())
            .await
            .unwrap();
        drop(p1);
        let first = rb.next().await.unwrap();
        assert!(matches!(first, Incoming::Message { fd: None, .. }));
        let Some(Incoming::Message {
            fd: Some(fd),
            value,
        }) = rb.next().await
        else {
            panic!("no descriptor")
        };
        assert_eq!(value["seq"], 1);
        let mut passed = std::os::unix::net::UnixStream::from(fd);
        passed.write_all(b"hi").unwrap();
        let mut got = [0u8; 2];
        std::io::Read::read_exact(&mut &p2, &mut got).unwrap();
        assert_eq!(&got, b"hi");
    }
}
