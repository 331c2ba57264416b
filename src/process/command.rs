//! Starting any program the way libuv's `uv_spawn` starts it for node's `child_process`: an argv
//! (argv[0] included), an environment given whole, a working directory, and a descriptor for
//! each stdio slot (a pipe end, the parent's own descriptor, `/dev/null`, or the IPC channel on
//! fd 3), plus [`run_sync`], the blocking wait of `spawnSync` / `execSync`.
//!
//! No child outlives its parent: unless it is detached, the child asks the kernel (between fork
//! and exec) to SIGKILL it when the thread that forked it ends, and exits at once if its parent
//! is already gone. That thread must therefore live as long as the process: spawn from the loop's
//! own thread (the main thread), never from a short-lived one.
//!
//! This module starts and waits for processes; it neither reads messages nor knows JavaScript.

use std::ffi::OsString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::spawn::{check, default_signals};

/// What one stdio slot of the child gets.
#[derive(Debug)]
pub enum Slot {
    /// Nothing: `/dev/null` for 0-2, closed above.
    Ignore,
    /// This descriptor of the parent (its own 0-2 for `inherit`).
    Fd(RawFd),
    /// The child end of a pipe (a socketpair) whose parent end the caller keeps.
    Pipe(OwnedFd),
}

/// A program to start.
#[derive(Debug)]
pub struct Spec {
    /// The program: a path, or a name looked up in the child's `PATH`.
    pub file: OsString,
    /// argv, argv[0] included.
    pub argv: Vec<OsString>,
    /// The whole environment, as `KEY=value` pairs.
    pub env: Vec<OsString>,
    pub cwd: Option<PathBuf>,
    /// Slot `i` becomes the child's descriptor `i`.
    pub stdio: Vec<Slot>,
    /// A new session, and no death with the parent (node's `detached: true`).
    pub detached: bool,
}

/// A socketpair for one stdio slot or an IPC channel: `(parent end, child end)`, both
/// close-on-exec (the child end is moved to its slot between fork and exec).
pub fn pipe_pair() -> io::Result<(OwnedFd, OwnedFd)> {
    super::ipc::pair()
}

/// Start `spec`; the child's pid. Errors are the OS's (`ENOENT` for a missing program or
/// working directory, `EACCES` ...), as libuv reports them.
///
/// A child that is this very binary is started with `posix_spawn` (no copy of the parent's page
/// tables, so no copy-on-write faults after it): it asks to die with its parent itself, first
/// thing ([`super::spawn::die_with_parent`], told the parent's pid in `MINI_NODE_PARENT_PID`).
/// Any other program is forked and asks between fork and exec.
pub fn start(spec: Spec) -> io::Result<u32> {
    if !spec.detached && is_this_binary(&spec.file) {
        return spawn_self(spec);
    }
    fork_exec(spec)
}

fn is_this_binary(file: &std::ffi::OsStr) -> bool {
    static SELF: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    SELF.get_or_init(|| std::env::current_exe().ok())
        .as_deref()
        .is_some_and(|me| me.as_os_str() == file)
}

/// `(source, slot)` pairs: the child's `dup2`s.
type Moves = Vec<(RawFd, RawFd)>;

/// The source of each slot, moved above the slots (close-on-exec) so that putting one in its
/// slot never overwrites another still to be placed: `(source, slot)`, and what keeps them open.
fn sources(stdio: &[Slot]) -> io::Result<(Moves, Vec<OwnedFd>)> {
    let above = (stdio.len() as RawFd).max(3) + 10;
    let devnull = std::fs::File::open("/dev/null")?;
    let mut kept = Vec::with_capacity(stdio.len());
    let mut moves = Vec::with_capacity(stdio.len());
    for (i, slot) in stdio.iter().enumerate() {
        let raw = match slot {
            Slot::Ignore if i < 3 => devnull.as_raw_fd(),
            Slot::Ignore => continue,
            Slot::Fd(fd) => *fd,
            Slot::Pipe(fd) => fd.as_raw_fd(),
        };
        // SAFETY: duplicating a descriptor that is open for the whole call, close-on-exec.
        let moved = unsafe { libc::fcntl(raw, libc::F_DUPFD_CLOEXEC, above) };
        if moved < 0 {
            return Err(io::Error::last_os_error());
        }
        moves.push((moved, i as RawFd));
        // SAFETY: fcntl just returned this new descriptor; we own it.
        kept.push(unsafe { OwnedFd::from_raw_fd(moved) });
    }
    Ok((moves, kept))
}

fn cstring(bytes: &[u8]) -> io::Result<std::ffi::CString> {
    std::ffi::CString::new(bytes).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// `posix_spawn` of this binary, with the parent's pid in its environment.
fn spawn_self(spec: Spec) -> io::Result<u32> {
    let (moves, _kept) = sources(&spec.stdio)?;
    let file = cstring(spec.file.as_encoded_bytes())?;
    let argv: Vec<std::ffi::CString> = spec
        .argv
        .iter()
        .map(|a| cstring(a.as_encoded_bytes()))
        .collect::<io::Result<_>>()?;
    let parent_var = format!("{}=", super::spawn::PARENT_PID_ENV);
    let mut envp: Vec<std::ffi::CString> = spec
        .env
        .iter()
        .filter(|kv| !kv.as_encoded_bytes().starts_with(parent_var.as_bytes()))
        .map(|kv| cstring(kv.as_encoded_bytes()))
        .collect::<io::Result<_>>()?;
    envp.push(cstring(
        format!("{parent_var}{}", std::process::id()).as_bytes(),
    )?);
    let cwd = spec
        .cwd
        .as_ref()
        .map(|c| cstring(c.as_os_str().as_encoded_bytes()))
        .transpose()?;
    let mut argv_ptrs: Vec<*mut libc::c_char> = argv.iter().map(|a| a.as_ptr() as *mut _).collect();
    argv_ptrs.push(std::ptr::null_mut());
    let mut envp_ptrs: Vec<*mut libc::c_char> = envp.iter().map(|a| a.as_ptr() as *mut _).collect();
    envp_ptrs.push(std::ptr::null_mut());
    // SAFETY: the attribute and file-action objects are initialised before use and destroyed
    // after; every pointer handed to posix_spawn lives until it returns.
    unsafe {
        let mut actions: libc::posix_spawn_file_actions_t = std::mem::zeroed();
        let mut attr: libc::posix_spawnattr_t = std::mem::zeroed();
        check(libc::posix_spawn_file_actions_init(&mut actions))?;
        if let Err(e) = check(libc::posix_spawnattr_init(&mut attr)) {
            libc::posix_spawn_file_actions_destroy(&mut actions);
            return Err(e);
        }
        let mut pid: libc::pid_t = 0;
        let spawned = (|| {
            for &(from, to) in &moves {
                check(libc::posix_spawn_file_actions_adddup2(
                    &mut actions,
                    from,
                    to,
                ))?;
            }
            if let Some(cwd) = &cwd {
                check(libc::posix_spawn_file_actions_addchdir_np(
                    &mut actions,
                    cwd.as_ptr(),
                ))?;
            }
            default_signals(&mut attr, 0)?;
            check(libc::posix_spawn(
                &mut pid,
                file.as_ptr(),
                &actions,
                &attr,
                argv_ptrs.as_ptr(),
                envp_ptrs.as_ptr(),
            ))
        })();
        libc::posix_spawn_file_actions_destroy(&mut actions);
        libc::posix_spawnattr_destroy(&mut attr);
        spawned.map(|()| pid as u32)
    }
}

/// fork, then (in the child) die with the parent, place the slots and exec.
fn fork_exec(spec: Spec) -> io::Result<u32> {
    let mut cmd = std::process::Command::new(&spec.file);
    if let Some((first, rest)) = spec.argv.split_first() {
        cmd.arg0(first);
        cmd.args(rest);
    }
    cmd.env_clear();
    for pair in &spec.env {
        let bytes = pair.as_encoded_bytes();
        match bytes.iter().position(|&b| b == b'=') {
            Some(eq) => {
                let (k, v) = bytes.split_at(eq);
                cmd.env(
                    OsString::from_vec(k.to_vec()),
                    OsString::from_vec(v[1..].to_vec()),
                );
            }
            None => {
                cmd.env(pair, "");
            }
        }
    }
    if let Some(cwd) = &spec.cwd {
        cmd.current_dir(cwd);
    }
    let (moves, _kept) = sources(&spec.stdio)?;
    let detached = spec.detached;
    // SAFETY: getpid has no preconditions.
    let parent = unsafe { libc::getpid() };
    // SAFETY: the closure runs in the child between fork and exec and only makes
    // async-signal-safe calls (prctl, getppid, setsid, dup2); it allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            if !detached {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0);
                if libc::getppid() != parent {
                    // the parent died before we could ask to die with it
                    return Err(io::Error::from_raw_os_error(libc::ESRCH));
                }
            } else {
                libc::setsid();
            }
            for &(from, to) in &moves {
                if libc::dup2(from, to) < 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let child = cmd.spawn()?;
    Ok(child.id())
}

/// How a process ended: its exit code, or the signal that ended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Code(i32),
    Signal(i32),
}

/// Reap `pid` if it has ended (`WNOHANG`).
pub fn try_reap(pid: u32) -> Option<Ended> {
    let mut status = 0;
    // SAFETY: waitpid on our own child, without blocking.
    let ret = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, libc::WNOHANG) };
    if ret == 0 {
        return None;
    }
    if ret < 0 {
        // reaped elsewhere (ECHILD): it is gone, and how it ended is lost
        return Some(Ended::Code(-1));
    }
    Some(if libc::WIFSIGNALED(status) {
        Ended::Signal(libc::WTERMSIG(status))
    } else {
        Ended::Code(libc::WEXITSTATUS(status))
    })
}

/// A pidfd for our child `pid` (not yet reaped, so the number names it).
pub fn pidfd(pid: u32) -> io::Result<OwnedFd> {
    // SAFETY: a plain syscall with integer arguments.
    let raw = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    if raw < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pidfd_open returned a new descriptor that we now own.
    Ok(unsafe { OwnedFd::from_raw_fd(raw as RawFd) })
}

/// Send `signal` through a pidfd: `Ok` if sent, the OS error otherwise (`ESRCH`: it has ended).
pub fn signal(pidfd: &OwnedFd, signal: i32) -> io::Result<()> {
    // SAFETY: a plain syscall on a pidfd we own.
    let ret = unsafe {
        libc::syscall(
            libc::SYS_pidfd_send_signal,
            pidfd.as_raw_fd(),
            signal,
            std::ptr::null::<libc::siginfo_t>(),
            0,
        )
    };
    if ret < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// What `spawnSync` asks beyond starting the program.
#[derive(Debug, Default)]
pub struct SyncLimits {
    /// Bytes written to the child's stdin (when slot 0 is a pipe), then it is closed.
    pub input: Vec<u8>,
    /// Kill the child (with `kill_signal`) after this long.
    pub timeout: Option<Duration>,
    /// Kill the child when a captured stream passes this many bytes.
    pub max_buffer: Option<usize>,
    pub kill_signal: i32,
}

/// What `spawnSync` saw.
#[derive(Debug)]
pub struct SyncResult {
    pub pid: u32,
    pub ended: Ended,
    /// What each piped slot carried (`None` for the others).
    pub output: Vec<Option<Vec<u8>>>,
    /// Why the child was killed by us: `ETIMEDOUT` or `ENOBUFS` (maxBuffer), as libuv says.
    pub error: Option<i32>,
}

/// Start `spec` and wait for it, feeding `limits.input` to a piped stdin and capturing every
/// other piped slot (whose parent ends are `pipes[i]`).
pub fn run_sync(
    spec: Spec,
    mut pipes: Vec<Option<OwnedFd>>,
    limits: &SyncLimits,
) -> io::Result<SyncResult> {
    let pid = start(spec)?;
    let pidfd = pidfd(pid)?;
    let mut output: Vec<Option<Vec<u8>>> = pipes
        .iter()
        .enumerate()
        .map(|(i, p)| (i != 0 && p.is_some()).then(Vec::new))
        .collect();
    let mut input_at = 0usize;
    if let Some(Some(stdin)) = pipes.first() {
        set_nonblocking(stdin.as_raw_fd())?;
        if limits.input.is_empty() {
            pipes[0] = None;
        }
    }
    for p in pipes.iter().skip(1).flatten() {
        set_nonblocking(p.as_raw_fd())?;
    }
    let started = Instant::now();
    let mut error = None;
    let mut killed = false;
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let mut fds: Vec<libc::pollfd> = vec![libc::pollfd {
            fd: pidfd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        let mut slots = Vec::new();
        for (i, p) in pipes.iter().enumerate() {
            if let Some(p) = p {
                fds.push(libc::pollfd {
                    fd: p.as_raw_fd(),
                    events: if i == 0 { libc::POLLOUT } else { libc::POLLIN },
                    revents: 0,
                });
                slots.push(i);
            }
        }
        let wait_ms = match limits.timeout {
            Some(t) if !killed => {
                let left = t.saturating_sub(started.elapsed());
                if left.is_zero() {
                    error = Some(libc::ETIMEDOUT);
                    killed = true;
                    let _ = signal(&pidfd, limits.kill_signal);
                    continue;
                }
                left.as_millis().min(i32::MAX as u128) as i32 + 1
            }
            _ => -1,
        };
        // SAFETY: polling descriptors we own, with a correctly sized array.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, wait_ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        for (k, &i) in slots.iter().enumerate() {
            let revents = fds[k + 1].revents;
            if revents == 0 {
                continue;
            }
            let raw = fds[k + 1].fd;
            if i == 0 {
                // SAFETY: writing from a live buffer to a descriptor we own.
                let w = unsafe {
                    libc::write(
                        raw,
                        limits.input[input_at..].as_ptr().cast(),
                        limits.input.len() - input_at,
                    )
                };
                if w > 0 {
                    input_at += w as usize;
                }
                if w < 0 && io::Error::last_os_error().kind() == io::ErrorKind::WouldBlock {
                    continue;
                }
                if w <= 0 || input_at >= limits.input.len() {
                    pipes[0] = None;
                }
                continue;
            }
            // SAFETY: reading into a live buffer from a descriptor we own.
            let r = unsafe { libc::read(raw, chunk.as_mut_ptr().cast(), chunk.len()) };
            if r > 0 {
                let out = output[i].get_or_insert_with(Vec::new);
                out.extend_from_slice(&chunk[..r as usize]);
                if let Some(max) = limits.max_buffer {
                    if out.len() > max && !killed {
                        out.truncate(max);
                        error = Some(libc::ENOBUFS);
                        killed = true;
                        let _ = signal(&pidfd, limits.kill_signal);
                    }
                }
            } else if r == 0 || io::Error::last_os_error().kind() != io::ErrorKind::WouldBlock {
                pipes[i] = None;
            }
        }
        if fds[0].revents != 0 {
            // it ended: take what is left in the pipes, then reap it
            for i in 1..pipes.len() {
                while let Some(p) = &pipes[i] {
                    // SAFETY: as above.
                    let r = unsafe {
                        libc::read(p.as_raw_fd(), chunk.as_mut_ptr().cast(), chunk.len())
                    };
                    if r > 0 {
                        output[i]
                            .get_or_insert_with(Vec::new)
                            .extend_from_slice(&chunk[..r as usize]);
                    } else {
                        pipes[i] = None;
                    }
                }
            }
            let ended = loop {
                if let Some(e) = try_reap(pid) {
                    break e;
                }
                std::thread::sleep(Duration::from_millis(1));
            };
            if let (Some(max), Some(ENOBUFS)) = (limits.max_buffer, error) {
                for o in output.iter_mut().flatten() {
                    o.truncate(max);
                }
            }
            return Ok(SyncResult {
                pid,
                ended,
                output,
                error,
            });
        }
    }
}

const ENOBUFS: i32 = libc::ENOBUFS;

/// Make `fd` non-blocking.
pub fn set_nonblocking(fd: RawFd) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor the caller owns, with integer arguments.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(file: &str, args: &[&str], stdio: Vec<Slot>) -> Spec {
        let mut argv = vec![OsString::from(file)];
        argv.extend(args.iter().map(OsString::from));
        Spec {
            file: file.into(),
            argv,
            env: vec!["PATH=/usr/bin:/bin".into(), "X=1=2".into()],
            cwd: None,
            stdio,
            detached: false,
        }
    }

    #[test]
    fn sync_runs_capture_output_and_feed_input() {
        let (p0, c0) = pipe_pair().unwrap();
        let (p1, c1) = pipe_pair().unwrap();
        let (p2, c2) = pipe_pair().unwrap();
        let limits = SyncLimits {
            input: b"from stdin".to_vec(),
            kill_signal: libc::SIGTERM,
            ..SyncLimits::default()
        };
        let r = run_sync(
            spec(
                "sh",
                &["-c", "cat; echo \" $X\"; echo oops >&2; exit 3"],
                vec![Slot::Pipe(c0), Slot::Pipe(c1), Slot::Pipe(c2)],
            ),
            vec![Some(p0), Some(p1), Some(p2)],
            &limits,
        )
        .unwrap();
        assert_eq!(r.ended, Ended::Code(3));
        assert_eq!(r.output[1].as_deref(), Some(&b"from stdin 1=2\n"[..]));
        assert_eq!(r.output[2].as_deref(), Some(&b"oops\n"[..]));
        assert_eq!(r.error, None);
    }

    #[test]
    fn a_sync_run_past_its_timeout_is_killed() {
        let (p1, c1) = pipe_pair().unwrap();
        let limits = SyncLimits {
            timeout: Some(Duration::from_millis(50)),
            kill_signal: libc::SIGTERM,
            ..SyncLimits::default()
        };
        let r = run_sync(
            spec(
                "sleep",
                &["30"],
                vec![Slot::Ignore, Slot::Pipe(c1), Slot::Ignore],
            ),
            vec![None, Some(p1), None],
            &limits,
        )
        .unwrap();
        assert_eq!(r.ended, Ended::Signal(libc::SIGTERM));
        assert_eq!(r.error, Some(libc::ETIMEDOUT));
    }

    #[test]
    fn a_missing_program_is_enoent() {
        let err = start(spec("no-such-program-here", &[], vec![])).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
    }
}
