//! `http` and `net` under `mini-node run` with real clients: a server answers plain HTTP/1.1 from a
//! std TcpStream (node's default headers, keep-alive, a POST body), answers a malformed request
//! with node's 400 and keeps serving, binds every interface for `listen(port)`, and ends with no
//! process or port left behind on SIGINT and SIGTERM.

mod process_support;
use process_support::*;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};

const SERVER: &str = r#"
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.setHeader('Content-Type', 'text/plain');
      res.end(`got ${body.length} bytes: ${body}`);
    });
    return;
  }
  if (req.url === '/chunked') {
    res.write('one,');
    res.end('two');
    return;
  }
  res.end('hello');
});
server.on('clientError', (err) => console.log('clientError', err.code));
server.listen(Number(process.argv[2] || 0), () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/ family ${server.address().family} address ${server.address().address}`);
});
"#;

/// A server script in a temporary directory, started under `mini-node run`.
fn start_server(dir: &tempfile::TempDir, args: &[&str]) -> (Demo, String) {
    let file = dir.path().join("server.js");
    std::fs::write(&file, SERVER).expect("write the server script");
    let file = file.to_string_lossy().into_owned();
    let mut run_args = vec!["run", file.as_str()];
    run_args.extend(args);
    let mut demo = Demo::start(&run_args, &[]);
    let line = demo.wait_for("listening on http://");
    let addr = Demo::addr_in(&line);
    (demo, addr)
}

/// One response read from a keep-alive connection: its head lines and its body (by
/// Content-Length, or chunked).
fn read_response(stream: &mut TcpStream) -> (Vec<String>, String) {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("a response head");
        assert_eq!(
            n,
            1,
            "the connection closed mid-head: {:?}",
            String::from_utf8_lossy(&raw)
        );
        raw.push(byte[0]);
    }
    let head: Vec<String> = String::from_utf8_lossy(&raw)
        .trim_end()
        .split("\r\n")
        .map(str::to_string)
        .collect();
    let header = |name: &str| {
        head.iter()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
    };
    let mut body = Vec::new();
    if let Some(len) = header("content-length") {
        body.resize(len.parse().expect("a length"), 0);
        stream.read_exact(&mut body).expect("the body");
    } else if header("transfer-encoding").as_deref() == Some("chunked") {
        loop {
            let mut line = Vec::new();
            while !line.ends_with(b"\r\n") {
                stream.read_exact(&mut byte).expect("a chunk size");
                line.push(byte[0]);
            }
            let size = usize::from_str_radix(String::from_utf8_lossy(&line).trim(), 16)
                .expect("a hex chunk size");
            let mut chunk = vec![0; size + 2];
            stream.read_exact(&mut chunk).expect("a chunk");
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    }
    (head, String::from_utf8_lossy(&body).into_owned())
}

fn connect(addr: &str) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connect to the server");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Header names in order, values of the ones that do not change between runs.
fn head_shape(head: &[String]) -> Vec<String> {
    head.iter()
        .map(|l| match l.split_once(": ") {
            Some(("Date", v)) => {
                assert!(v.ends_with(" GMT"), "{l}");
                "Date: <date>".to_string()
            }
            _ => l.clone(),
        })
        .collect()
}

#[test]
fn a_server_answers_real_clients_as_node_does() {
    let dir = tempfile::tempdir().unwrap();
    let (mut demo, addr) = start_server(&dir, &[]);

    // keep-alive: two requests on one connection, node's default head
    let mut c = connect(&addr);
    for _ in 0..2 {
        write!(c, "GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let (head, body) = read_response(&mut c);
        assert_eq!(
            head_shape(&head),
            [
                "HTTP/1.1 200 OK",
                "Date: <date>",
                "Connection: keep-alive",
                "Keep-Alive: timeout=5",
                "Content-Length: 5"
            ]
        );
        assert_eq!(body, "hello");
    }

    // a streamed body goes chunked
    write!(c, "GET /chunked HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (head, body) = read_response(&mut c);
    assert!(
        head.contains(&"Transfer-Encoding: chunked".to_string()),
        "{head:?}"
    );
    assert_eq!(body, "one,two");

    // a POST body, sent in two writes
    let payload = "x".repeat(3000) + "é";
    write!(
        c,
        "POST /echo HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\n\r\n{}",
        payload.len(),
        &payload[..1000]
    )
    .unwrap();
    c.flush().unwrap();
    c.write_all(&payload.as_bytes()[1000..]).unwrap();
    let (head, body) = read_response(&mut c);
    assert!(
        head.contains(&"Content-Type: text/plain".to_string()),
        "{head:?}"
    );
    assert_eq!(body, format!("got 3001 bytes: {payload}"));

    // Connection: close is honoured: the server closes after the response
    write!(
        c,
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let (head, body) = read_response(&mut c);
    assert!(head.contains(&"Connection: close".to_string()), "{head:?}");
    assert_eq!(body, "hello");
    let mut rest = Vec::new();
    c.read_to_end(&mut rest).expect("the server closes");
    assert!(rest.is_empty());

    // a malformed request: 400, the connection closed, 'clientError' emitted, the server alive
    let mut bad = connect(&addr);
    bad.write_all(b"THIS IS NOT HTTP\r\n\r\n").unwrap();
    let mut reply = String::new();
    bad.read_to_string(&mut reply)
        .expect("a reply, then the close");
    assert!(
        reply.starts_with("HTTP/1.1 400 Bad Request\r\n"),
        "{reply:?}"
    );
    assert!(reply.contains("\r\nConnection: close\r\n"), "{reply:?}");
    demo.wait_for("clientError HPE_");
    assert_eq!(get(&addr, "/").body, "hello");

    // a client that leaves mid-request does not bother it either
    let mut gone = connect(&addr);
    gone.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    gone.shutdown(Shutdown::Both).unwrap();
    drop(gone);
    assert_eq!(get(&addr, "/").body, "hello");
}

/// node's keepAliveTimeout: a keep-alive connection left idle is closed by the server after
/// about five seconds (not before four), and the server goes on serving.
#[test]
fn an_idle_keep_alive_connection_is_closed_after_five_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let (_demo, addr) = start_server(&dir, &[]);
    let mut c = connect(&addr);
    write!(c, "GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (head, _) = read_response(&mut c);
    assert!(
        head.contains(&"Keep-Alive: timeout=5".to_string()),
        "{head:?}"
    );
    let idle_from = std::time::Instant::now();
    let mut rest = Vec::new();
    c.read_to_end(&mut rest)
        .expect("the server closes the idle connection");
    let idle = idle_from.elapsed();
    assert!(rest.is_empty());
    assert!(
        idle >= std::time::Duration::from_secs(4),
        "closed after {idle:?}"
    );
    assert_eq!(get(&addr, "/").body, "hello");
}

/// Ended by a signal: the process is gone, and so is its listening socket.
fn ends_on(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let (mut demo, addr) = start_server(&dir, &[]);
    assert_eq!(get(&addr, "/").body, "hello");
    // an idle keep-alive connection stays open across the signal
    let mut idle = connect(&addr);
    write!(idle, "GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let _ = read_response(&mut idle);
    let pid = demo.child.id();
    demo.signal(signal);
    let status = demo.wait();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(signal), "{status:?}");
    assert!(state(pid).is_none(), "the server process is still there");
    let mut rest = Vec::new();
    idle.read_to_end(&mut rest)
        .expect("the connection ends with the process");
    let refused = TcpStream::connect(&addr);
    assert!(refused.is_err(), "{addr} still accepts connections");
}

#[test]
fn sigint_ends_the_server_with_nothing_left() {
    ends_on(libc::SIGINT);
}

#[test]
fn sigterm_ends_the_server_with_nothing_left() {
    ends_on(libc::SIGTERM);
}

/// `listen(port)` without a host binds every interface as node does: IPv6's `::`, which takes
/// IPv4 too, and address() says so.
#[test]
fn listen_without_a_host_binds_every_interface() {
    // a free port, chosen the ephemeral way and released for the server
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let (demo, _) = start_server(&dir, &[&port.to_string()]);
    let line = demo.seen.last().cloned().unwrap_or_default();
    assert!(line.ends_with("family IPv6 address ::"), "{line}");
    let v4 = format!("127.0.0.1:{port}");
    assert_eq!(get(&v4, "/").body, "hello");
    let v6: SocketAddr = format!("[::1]:{port}").parse().unwrap();
    if TcpStream::connect(v6).is_ok() {
        assert_eq!(get(&v6.to_string(), "/").body, "hello");
    }
}

/// The hand-over interfaces lib/cluster.js and lib/child_process.js build on: a listening fd
/// duplicated (`server._handleFd()`) and listened on by another server (`server._listenFd(fd)`),
/// accepted fds adopted by a server that binds nothing (`server._adoptConnection(fd)`), and a
/// connected socket's fd (`socket._handleFd()`) made a socket again (`new net.Socket({ fd })`).
#[test]
fn fds_are_handed_over_between_servers_and_sockets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fds.js");
    std::fs::write(&file, FDS).expect("write the script");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["run", file.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("mini-node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout,
        "dup fd is a number number true\nb listening on the same port true\n\
         after a closed, served by b\nadopted connection served by c\ntwin got ping\n"
    );
}

const FDS: &str = r#"
const net = require('net');
const http = require('http');
const get = (port, cb) => http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
  let body = '';
  res.on('data', (d) => { body += d; });
  res.on('end', () => cb(body));
});
// a listening fd handed to another server (cluster's SCHED_NONE): both share the port
const a = http.createServer((req, res) => res.end('a'));
a.listen(0, '127.0.0.1', () => {
  const port = a.address().port;
  const fd = a._handleFd();
  console.log('dup fd is a number', typeof fd, fd > 2);
  const b = http.createServer((req, res) => res.end('b'));
  b._listenFd(fd);
  b.on('listening', () => {
    console.log('b listening on the same port', b.address().port === port);
    a.close(() => {
      get(port, (body) => {
        console.log('after a closed, served by', body);
        // accepted fds adopted by another server (cluster's SCHED_RR): a raw listener hands
        // each connection to an http server that binds nothing
        const c = http.createServer((req, res) => res.end('c'));
        const raw = net.createServer();
        raw.onconnection = (cfd) => c._adoptConnection(cfd);
        raw.listen(0, '127.0.0.1', () => {
          get(raw.address().port, (body2) => {
            console.log('adopted connection served by', body2);
            // a connected socket from an fd, and its fd handed on
            const echo = net.createServer((s) => s.pipe(s));
            echo.listen(0, '127.0.0.1', () => {
              const client = net.connect(echo.address().port, '127.0.0.1', () => {
                const cfd2 = client._handleFd();
                client.destroy();
                const twin = netSocket(cfd2);
                twin.on('data', (d) => {
                  console.log('twin got', String(d));
                  twin.destroy();
                  echo.close();
                  raw.close();
                  b.close();
                  c.close();
                });
                twin.write('ping');
              });
            });
          });
        });
      });
    });
  });
});
function netSocket(fd) { return new net.Socket({ fd }); }
"#;
