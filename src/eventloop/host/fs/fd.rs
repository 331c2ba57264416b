//! The file-descriptor calls of `mn.fs` (open, close, read, write, fstat, ftruncate): real fds of
//! this process, as node's `fs.openSync` hands out.
//!
//! Like the rest of host/fs.rs it only does the call and answers its value or libuv's error
//! array; it keeps no table of fds (the OS does) and decides nothing about timing.

use std::fs::File;
use std::mem::ManuallyDrop;
use std::os::unix::io::FromRawFd;

use rquickjs::{ArrayBuffer, Ctx, IntoJs, Value};

use super::{arg_bytes, arg_num, arg_str, cpath, cvt, fs_error, stat_object, unknown_op};

/// node's flag strings (`'r'`, `'w+'`, `'ax'` ...) as `open(2)` flags.
fn open_flags(flags: &str) -> Option<libc::c_int> {
    use libc::{O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY};
    Some(match flags {
        "r" => O_RDONLY,
        "rs" | "sr" => O_RDONLY | O_SYNC,
        "r+" => O_RDWR,
        "rs+" | "sr+" => O_RDWR | O_SYNC,
        "w" => O_TRUNC | O_CREAT | O_WRONLY,
        "wx" | "xw" => O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
        "w+" => O_TRUNC | O_CREAT | O_RDWR,
        "wx+" | "xw+" => O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
        "a" => O_APPEND | O_CREAT | O_WRONLY,
        "ax" | "xa" => O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
        "as" | "sa" => O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
        "a+" => O_APPEND | O_CREAT | O_RDWR,
        "ax+" | "xa+" => O_APPEND | O_CREAT | O_RDWR | O_EXCL,
        "as+" | "sa+" => O_APPEND | O_CREAT | O_RDWR | O_SYNC,
        _ => return None,
    })
}

/// The fd-based ops; anything else is an unknown op.
pub(super) fn fd_op<'js>(
    ctx: &Ctx<'js>,
    op: &str,
    args: &[Value<'js>],
) -> rquickjs::Result<Value<'js>> {
    let undefined = Value::new_undefined(ctx.clone());
    let fd = arg_num(args, 0) as libc::c_int;
    match op {
        "open" => {
            let flags = match args.get(1).and_then(|v| v.as_number()) {
                Some(n) => n as libc::c_int,
                None => match open_flags(&arg_str(args, 1)) {
                    Some(f) => f,
                    None => {
                        return fs_error(
                            ctx,
                            &std::io::Error::from_raw_os_error(libc::EINVAL),
                            "open",
                        )
                    }
                },
            };
            let mode = args
                .get(2)
                .and_then(|v| v.as_number())
                .unwrap_or(0o666 as f64);
            let path = arg_str(args, 0);
            let r = cpath(&path).and_then(|c| {
                cvt(unsafe {
                    libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint)
                })
            });
            match r {
                Ok(fd) => Ok((fd as f64).into_js(ctx)?),
                Err(e) => fs_error(ctx, &e, "open"),
            }
        }
        "close" => match cvt(unsafe { libc::close(fd) }) {
            Ok(_) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "close"),
        },
        "read" => {
            let len = arg_num(args, 1).max(0.0) as usize;
            let pos = args.get(2).and_then(|v| v.as_number()).unwrap_or(-1.0);
            let mut buf = vec![0u8; len];
            let r = if pos >= 0.0 {
                cvt(unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), len, pos as libc::off_t) })
            } else {
                cvt(unsafe { libc::read(fd, buf.as_mut_ptr().cast(), len) })
            };
            match r {
                Ok(n) => {
                    buf.truncate(n as usize);
                    Ok(ArrayBuffer::new(ctx.clone(), buf)?.into_value())
                }
                Err(e) => fs_error(ctx, &e, "read"),
            }
        }
        "write" => {
            let bytes = arg_bytes(args, 1);
            let pos = args.get(2).and_then(|v| v.as_number()).unwrap_or(-1.0);
            let r = if pos >= 0.0 {
                cvt(unsafe {
                    libc::pwrite(fd, bytes.as_ptr().cast(), bytes.len(), pos as libc::off_t)
                })
            } else {
                cvt(unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) })
            };
            match r {
                Ok(n) => Ok((n as f64).into_js(ctx)?),
                Err(e) => fs_error(ctx, &e, "write"),
            }
        }
        "fstat" | "ftruncate" => {
            if fd < 0 {
                return fs_error(ctx, &std::io::Error::from_raw_os_error(libc::EBADF), op);
            }
            // Borrowed, not owned: dropping it must not close the script's fd.
            let file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
            if op == "fstat" {
                match file.metadata() {
                    Ok(m) => stat_object(ctx, &m),
                    Err(e) => fs_error(ctx, &e, "fstat"),
                }
            } else {
                match file.set_len(arg_num(args, 1) as u64) {
                    Ok(()) => Ok(undefined),
                    Err(e) => fs_error(ctx, &e, "ftruncate"),
                }
            }
        }
        other => unknown_op(ctx, other),
    }
}
