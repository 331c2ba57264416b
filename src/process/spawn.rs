//! Starting, signalling and reaping child processes, so that none is ever left behind.
//!
//! A child is started with `posix_spawn` (fast: no copy of the parent's memory) on one long-lived
//! spawner thread, with its IPC channel on fd 3 (`NODE_CHANNEL_FD=3`), `/dev/null` as stdio, its own
//! process group (a Ctrl-C in the terminal reaches only the parent, which then shuts down
//! gracefully) and default signal dispositions. The child calls [`die_with_parent`] first thing:
//! `PR_SET_PDEATHSIG` fires when the thread that spawned it ends, which is why spawning happens on a
//! thread that lives as long as the process. Each child gets a pidfd: [`Proc::wait`] waits on it and
//! reaps the child with `waitpid`, [`Proc::kill`] signals through it (never a recycled pid).
//!
//! This module knows processes, not demos: it neither reads nor writes the channel.

use std::ffi::{CString, OsString};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::sync::{mpsc, Arc, OnceLock};

use tokio::io::unix::AsyncFd;

use super::{ipc, ExitStatus};

/// The environment variable holding the pid of the parent, so that a child can tell whether its
/// parent died before it could ask to die with it.
pub const PARENT_PID_ENV: &str = "MINI_NODE_PARENT_PID";

/// A started child: its pid, a handle to wait for and signal it, and the parent's end of its channel.
pub struct Spawned {
    pub proc: Proc,
    pub channel: OwnedFd,
}

/// A child process, waitable and killable through its pidfd. Clones share the same child.
#[derive(Clone)]
pub struct Proc {
    pub pid: u32,
    pidfd: Arc<AsyncFd<OwnedFd>>,
}

struct Job {
    program: CString,
    argv: Vec<CString>,
    envp: Vec<CString>,
    channel: OwnedFd,
    reply: tokio::sync::oneshot::Sender<io::Result<libc::pid_t>>,
}

fn cstring(bytes: Vec<u8>) -> io::Result<CString> {
    CString::new(bytes).map_err(|_| io::Error::other("a NUL byte in an argument or variable"))
}

/// Start `program args...` with the extra environment `env`, its channel on fd 3. Must be called
/// inside a tokio runtime.
pub async fn spawn(program: &Path, args: &[&str], env: &[(&str, String)]) -> io::Result<Spawned> {
    let (parent_end, child_end) = ipc::pair()?;
    let mut argv = vec![cstring(program.as_os_str().to_owned().into_vec())?];
    for a in args {
        argv.push(cstring(a.as_bytes().to_vec())?);
    }
    let mut vars: Vec<(OsString, OsString)> = std::env::vars_os()
        .filter(|(k, _)| {
            let k = k.to_string_lossy();
            k != ipc::CHANNEL_FD_ENV && k != PARENT_PID_ENV && !env.iter().any(|(e, _)| *e == k)
        })
        .collect();
    vars.push((
        ipc::CHANNEL_FD_ENV.into(),
        ipc::CHANNEL_FD.to_string().into(),
    ));
    vars.push((PARENT_PID_ENV.into(), std::process::id().to_string().into()));
    for (k, v) in env {
        vars.push(((*k).into(), v.into()));
    }
    let mut envp = Vec::with_capacity(vars.len());
    for (k, v) in vars {
        let mut kv = k.into_vec();
        kv.push(b'=');
        kv.extend(v.into_vec());
        envp.push(cstring(kv)?);
    }
    let (reply, answer) = tokio::sync::oneshot::channel();
    spawner()
        .send(Job {
            program: cstring(program.as_os_str().to_owned().into_vec())?,
            argv,
            envp,
            channel: child_end,
            reply,
        })
        .map_err(|_| io::Error::other("the spawner thread is gone"))?;
    let pid = answer
        .await
        .map_err(|_| io::Error::other("the spawner thread is gone"))??;
    // SAFETY: a plain syscall; `pid` is our child and not reaped yet, so the pidfd names it.
    let raw = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if raw < 0 {
        let err = io::Error::last_os_error();
        // SAFETY: we could not get a pidfd; kill and reap the child at once so it is not left behind.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
        }
        return Err(err);
    }
    // SAFETY: pidfd_open returned a new descriptor that we now own.
    let pidfd = unsafe { OwnedFd::from_raw_fd(raw as RawFd) };
    Ok(Spawned {
        proc: Proc {
            pid: pid as u32,
            // SAFETY: the AsyncFd owns the pidfd and deregisters it before closing it.
            pidfd: Arc::new(unsafe { AsyncFd::register(pidfd) }?),
        },
        channel: parent_end,
    })
}

fn spawner() -> &'static mpsc::Sender<Job> {
    static SPAWNER: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("mini-node-spawner".into())
            .spawn(move || {
                for job in rx {
                    let result = posix_spawn(&job);
                    let _ = job.reply.send(result);
                }
            })
            .expect("cannot start the spawner thread");
        tx
    })
}

/// A posix_spawn* call's result (the error number it returns) as an io::Result.
pub(super) fn check(ret: libc::c_int) -> io::Result<()> {
    if ret == 0 {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(ret))
    }
}

/// Set `attr` so the child starts with every signal at its default action and none blocked,
/// whatever this process (a tokio runtime) set; `extra` flags are added to the two that says so.
///
/// # Safety
/// `attr` must have been initialised with `posix_spawnattr_init`.
pub(super) unsafe fn default_signals(
    attr: &mut libc::posix_spawnattr_t,
    extra: libc::c_int,
) -> io::Result<()> {
    let mut all: libc::sigset_t = std::mem::zeroed();
    let mut none: libc::sigset_t = std::mem::zeroed();
    libc::sigfillset(&mut all);
    libc::sigemptyset(&mut none);
    check(libc::posix_spawnattr_setsigdefault(attr, &all))?;
    check(libc::posix_spawnattr_setsigmask(attr, &none))?;
    check(libc::posix_spawnattr_setflags(
        attr,
        (libc::POSIX_SPAWN_SETSIGDEF | libc::POSIX_SPAWN_SETSIGMASK | extra) as libc::c_short,
    ))
}

fn posix_spawn(job: &Job) -> io::Result<libc::pid_t> {
    let mut argv: Vec<*mut libc::c_char> = job.argv.iter().map(|a| a.as_ptr() as *mut _).collect();
    argv.push(std::ptr::null_mut());
    let mut envp: Vec<*mut libc::c_char> = job.envp.iter().map(|a| a.as_ptr() as *mut _).collect();
    envp.push(std::ptr::null_mut());
    let devnull = c"/dev/null";
    // The channel must not already be fd 3 (dup2(3, 3) would keep close-on-exec set).
    let channel_fd = job.channel.as_raw_fd();
    let moved;
    let source = if channel_fd == ipc::CHANNEL_FD {
        // SAFETY: duplicating a descriptor we own to a free number >= 10, close-on-exec.
        moved = unsafe { libc::fcntl(channel_fd, libc::F_DUPFD_CLOEXEC, 10) };
        if moved < 0 {
            return Err(io::Error::last_os_error());
        }
        moved
    } else {
        moved = -1;
        channel_fd
    };
    // SAFETY: the attribute and file-action objects are initialised before use and destroyed after;
    // every pointer handed to posix_spawn lives until it returns.
    let result = unsafe {
        let mut actions: libc::posix_spawn_file_actions_t = std::mem::zeroed();
        let mut attr: libc::posix_spawnattr_t = std::mem::zeroed();
        check(libc::posix_spawn_file_actions_init(&mut actions))?;
        check(libc::posix_spawnattr_init(&mut attr))?;
        let mut pid: libc::pid_t = 0;
        let spawned = (|| {
            check(libc::posix_spawn_file_actions_addopen(
                &mut actions,
                0,
                devnull.as_ptr(),
                libc::O_RDONLY,
                0,
            ))?;
            for fd in [1, 2] {
                check(libc::posix_spawn_file_actions_addopen(
                    &mut actions,
                    fd,
                    devnull.as_ptr(),
                    libc::O_WRONLY,
                    0,
                ))?;
            }
            check(libc::posix_spawn_file_actions_adddup2(
                &mut actions,
                source,
                ipc::CHANNEL_FD,
            ))?;
            check(libc::posix_spawnattr_setpgroup(&mut attr, 0))?;
            default_signals(&mut attr, libc::POSIX_SPAWN_SETPGROUP)?;
            check(libc::posix_spawn(
                &mut pid,
                job.program.as_ptr(),
                &actions,
                &attr,
                argv.as_ptr(),
                envp.as_ptr(),
            ))
        })();
        libc::posix_spawn_file_actions_destroy(&mut actions);
        libc::posix_spawnattr_destroy(&mut attr);
        spawned.map(|()| pid)
    };
    if moved >= 0 {
        // SAFETY: closing the temporary duplicate made above.
        unsafe { libc::close(moved) };
    }
    result
}

impl Proc {
    /// Send `signal` to the child (through its pidfd: safe even if it has just exited).
    pub fn kill(&self, signal: i32) -> io::Result<()> {
        // SAFETY: a plain syscall on a pidfd we own.
        let ret = unsafe {
            libc::syscall(
                libc::SYS_pidfd_send_signal,
                self.pidfd.get_ref().as_raw_fd(),
                signal,
                std::ptr::null::<libc::siginfo_t>(),
                0,
            )
        };
        if ret < 0 {
            let err = io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::ESRCH) {
                return Ok(());
            }
            return Err(err);
        }
        Ok(())
    }

    /// Wait for the child to end and reap it. Call it once per child (clones share the child).
    pub async fn wait(&self) -> ExitStatus {
        loop {
            if let Some(status) = self.try_reap() {
                return status;
            }
            match self.pidfd.readable().await {
                Ok(mut guard) => guard.clear_ready(),
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
            }
        }
    }

    fn try_reap(&self) -> Option<ExitStatus> {
        let mut status = 0;
        // SAFETY: waitpid on our own child, without blocking.
        let ret = unsafe { libc::waitpid(self.pid as libc::pid_t, &mut status, libc::WNOHANG) };
        if ret == 0 {
            return None;
        }
        if ret < 0 {
            // Already reaped elsewhere (ECHILD): it is gone; we cannot know how it ended.
            return Some(ExitStatus::Code(-1));
        }
        if libc::WIFSIGNALED(status) {
            Some(ExitStatus::Signal(libc::WTERMSIG(status)))
        } else {
            Some(ExitStatus::Code(libc::WEXITSTATUS(status)))
        }
    }

    /// Resident memory of the child in bytes, from /proc/PID/statm.
    pub fn rss(&self) -> Option<u64> {
        rss_of(self.pid)
    }
}

/// Resident memory of any process in bytes, from /proc/PID/statm. `None` when it has none to
/// report: gone, a zombie, or forked but not yet running its own image (all read 0 pages).
pub fn rss_of(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    if pages == 0 {
        return None;
    }
    // SAFETY: sysconf with a constant argument.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * page.max(4096) as u64)
}

/// Called first thing in a child: ask the kernel to SIGKILL us when our parent dies, and exit at
/// once if the parent died before we could ask (our parent pid no longer matches).
pub fn die_with_parent() {
    // SAFETY: prctl with integer arguments only.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0);
    }
    if let Ok(expected) = std::env::var(PARENT_PID_ENV) {
        // SAFETY: getppid has no preconditions.
        let parent = unsafe { libc::getppid() };
        if expected.trim() != parent.to_string() {
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_without_memory_has_no_resident_size() {
        assert!(rss_of(std::process::id()).unwrap_or(0) > 0);
        // A zombie (exited, not yet reaped) reads 0 pages: that is no figure to print.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false)
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(rss_of(pid), None);
        child.wait().unwrap();
    }
}
