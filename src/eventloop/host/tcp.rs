//! What the TCP handles of lib/net.js and lib/http.js share on the Rust side: failures as
//! libuv names them (`[errno, code, syscall, description, address?, port?]`, errno negative as
//! node's), an fd made a stream of the I/O runtime, connecting to a host, and the bytes of a
//! chunk the JavaScript writes.
//!
//! It keeps no state and runs no JavaScript.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::os::fd::{FromRawFd, RawFd};

use rquickjs::{Array, Ctx, IntoJs, TypedArray, Value};
use tokio::net::TcpStream;

use super::super::io::Arg;

/// An fd received from the accept loop or another process as a stream of this runtime.
/// Must be called where the runtime is entered.
pub(super) fn stream_from_fd(fd: RawFd) -> io::Result<TcpStream> {
    if fd < 0 {
        return Err(io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: the caller hands over an fd it owns (accepted here, or received by a process).
    let std = unsafe { std::net::TcpStream::from_raw_fd(fd) };
    std.set_nonblocking(true)?;
    TcpStream::from_std(std)
}

/// libuv's name and message for an errno (`EADDRINUSE`, "address already in use").
pub(super) fn uv_error(errno: i32) -> (&'static str, &'static str) {
    match errno {
        libc::EADDRINUSE => ("EADDRINUSE", "address already in use"),
        libc::EADDRNOTAVAIL => ("EADDRNOTAVAIL", "address not available"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ECONNREFUSED => ("ECONNREFUSED", "connection refused"),
        libc::ECONNRESET => ("ECONNRESET", "connection reset by peer"),
        libc::ECONNABORTED => ("ECONNABORTED", "software caused connection abort"),
        libc::EPIPE => ("EPIPE", "broken pipe"),
        libc::ETIMEDOUT => ("ETIMEDOUT", "connection timed out"),
        libc::EHOSTUNREACH => ("EHOSTUNREACH", "host is unreachable"),
        libc::ENETUNREACH => ("ENETUNREACH", "network is unreachable"),
        libc::EAFNOSUPPORT => ("EAFNOSUPPORT", "address family not supported"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ENOTSOCK => ("ENOTSOCK", "socket operation on non-socket"),
        libc::ENOTCONN => ("ENOTCONN", "socket is not connected"),
        _ => ("EIO", "i/o error"),
    }
}

/// The errno of an I/O error (EIO when it has none).
pub(super) fn errno_of(e: &io::Error) -> i32 {
    e.raw_os_error().unwrap_or(match e.kind() {
        io::ErrorKind::ConnectionRefused => libc::ECONNREFUSED,
        io::ErrorKind::ConnectionReset => libc::ECONNRESET,
        io::ErrorKind::BrokenPipe => libc::EPIPE,
        io::ErrorKind::TimedOut => libc::ETIMEDOUT,
        io::ErrorKind::AddrInUse => libc::EADDRINUSE,
        _ => libc::EIO,
    })
}

/// `[errno, code, syscall, description, ...extra]` as a JavaScript array.
pub(super) fn error_array<'js>(
    ctx: &Ctx<'js>,
    errno: i32,
    syscall: &str,
    extra: &[Value<'js>],
) -> rquickjs::Result<Value<'js>> {
    let (code, desc) = uv_error(errno);
    let a = Array::new(ctx.clone())?;
    a.set(0, -errno)?;
    a.set(1, code)?;
    a.set(2, syscall)?;
    a.set(3, desc)?;
    for (i, v) in extra.iter().enumerate() {
        a.set(4 + i, v.clone())?;
    }
    Ok(a.into_value())
}

/// A failure posted from a task: `[errno, code, syscall, description]`, plus the address and
/// port it concerns when there is one.
pub(super) fn error_arg(errno: i32, syscall: &'static str, at: Option<SocketAddr>) -> Arg {
    Arg::Make(Box::new(move |ctx| {
        let extra = match at {
            Some(a) => vec![
                a.ip().to_string().into_js(ctx)?,
                f64::from(a.port()).into_js(ctx)?,
            ],
            None => Vec::new(),
        };
        error_array(ctx, errno, syscall, &extra)
    }))
}

/// Connect to `host:port`, each address in turn (as node's family autoselection does); the
/// last failure with the address it concerns.
pub(super) async fn connect_to(
    host: &str,
    port: u16,
) -> Result<TcpStream, (i32, Option<SocketAddr>)> {
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => match tokio::net::lookup_host((host, port)).await {
            Ok(a) => a.collect(),
            Err(e) => return Err((errno_of(&e), None)),
        },
    };
    let mut last = (libc::EADDRNOTAVAIL, None);
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(s) => return Ok(s),
            Err(e) => last = (errno_of(&e), Some(addr)),
        }
    }
    Err(last)
}

/// The bytes of a string or a Buffer (any Uint8Array) from JavaScript.
pub(super) fn chunk_bytes(v: &Value<'_>) -> Vec<u8> {
    if let Some(s) = v.as_string() {
        return s.to_string().map(String::into_bytes).unwrap_or_default();
    }
    if let Ok(a) = TypedArray::<u8>::from_value(v.clone()) {
        // SAFETY: the bytes are copied at once; no JavaScript runs while the slice is alive.
        return unsafe { a.as_bytes() }
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_libuv_names_and_messages() {
        assert_eq!(
            uv_error(libc::EADDRINUSE),
            ("EADDRINUSE", "address already in use")
        );
        assert_eq!(uv_error(libc::ECONNREFUSED).0, "ECONNREFUSED");
        let e = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(errno_of(&e), libc::ECONNREFUSED);
    }
}
