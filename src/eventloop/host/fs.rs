//! The native half of lib/fs.js: the real file-system calls (`mn.fs(op, ...args)`), answered at
//! once with the value or libuv's error array `[errno, code, description, syscall]`, and
//! `mn.fsStart`, which queues a callback call's completion with the scheduler.
//!
//! It decides nothing about when a callback runs (the loop model does) and keeps no state.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use rquickjs::function::Rest;
use rquickjs::{ArrayBuffer, Ctx, IntoJs, Object, Value};

mod fd;

use super::buffer::buffer_bytes;
use super::native::{native, Host};

/// `mn.fs(op, ...args)`: the sync calls, and the work of the callback calls.
pub fn fs_native<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |ctx: Ctx<'js>, op: String, args: Rest<Value<'js>>| {
        fs_sync(&ctx, &op, &args.0)
    })
}

/// `mn.fsStart(id, label, round trips, line)`: a callback call's completion, for the poll phase.
pub fn fs_start<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, label: String, trips: u32, line: u32| {
        s.borrow_mut()
            .add_fs(id as u64, fs_label(&label), trips, line)
    })
}

/// The trace's name of an fs call (`'fs.' + name` in lib/fs.js), as a static string.
fn fs_label(label: &str) -> &'static str {
    match label {
        "fs.readFile" => "fs.readFile",
        "fs.writeFile" => "fs.writeFile",
        "fs.appendFile" => "fs.appendFile",
        "fs.unlink" => "fs.unlink",
        "fs.stat" => "fs.stat",
        "fs.lstat" => "fs.lstat",
        "fs.readdir" => "fs.readdir",
        "fs.mkdir" => "fs.mkdir",
        "fs.rename" => "fs.rename",
        "fs.access" => "fs.access",
        "fs.rmdir" => "fs.rmdir",
        "fs.rm" => "fs.rm",
        "fs.copyFile" => "fs.copyFile",
        "fs.exists" => "fs.exists",
        "fs.mkdtemp" => "fs.mkdtemp",
        "fs.truncate" => "fs.truncate",
        "fs.open" => "fs.open",
        "fs.close" => "fs.close",
        "fs.read" => "fs.read",
        "fs.write" => "fs.write",
        "fs.fstat" => "fs.fstat",
        "fs.ftruncate" => "fs.ftruncate",
        "dns.lookup" => "dns.lookup",
        _ => "fs request",
    }
}

/// A failed fs call as `[errno, code, description, syscall]`, like libuv reports it.
pub(super) fn fs_error<'js>(
    ctx: &Ctx<'js>,
    e: &std::io::Error,
    syscall: &str,
) -> rquickjs::Result<Value<'js>> {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    let (code, desc) = match errno {
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        _ => ("EIO", "i/o error"),
    };
    let _ = e.kind() == ErrorKind::NotFound;
    vec![
        (-errno).into_js(ctx)?,
        code.into_js(ctx)?,
        desc.into_js(ctx)?,
        syscall.into_js(ctx)?,
    ]
    .into_js(ctx)
}

pub(super) fn arg_str(args: &[Value<'_>], i: usize) -> String {
    args.get(i)
        .and_then(|v| v.as_string())
        .and_then(|s| s.to_string().ok())
        .unwrap_or_default()
}

pub(super) fn arg_bytes(args: &[Value<'_>], i: usize) -> Vec<u8> {
    args.get(i)
        .and_then(|v| ArrayBuffer::from_value(v.clone()))
        .map(|b| buffer_bytes(&b))
        .unwrap_or_default()
}

fn arg_bool(args: &[Value<'_>], i: usize) -> bool {
    args.get(i).and_then(|v| v.as_bool()).unwrap_or(false)
}

pub(super) fn stat_object<'js>(ctx: &Ctx<'js>, m: &fs::Metadata) -> rquickjs::Result<Value<'js>> {
    use std::os::unix::fs::MetadataExt;
    let o = Object::new(ctx.clone())?;
    o.set("dev", m.dev() as f64)?;
    o.set("mode", m.mode() as f64)?;
    o.set("nlink", m.nlink() as f64)?;
    o.set("uid", m.uid() as f64)?;
    o.set("gid", m.gid() as f64)?;
    o.set("rdev", m.rdev() as f64)?;
    o.set("blksize", m.blksize() as f64)?;
    o.set("ino", m.ino() as f64)?;
    o.set("size", m.size() as f64)?;
    o.set("blocks", m.blocks() as f64)?;
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    o.set("atimeMs", ms(m.atime(), m.atime_nsec()))?;
    o.set("mtimeMs", ms(m.mtime(), m.mtime_nsec()))?;
    o.set("ctimeMs", ms(m.ctime(), m.ctime_nsec()))?;
    o.set("birthtimeMs", ms(m.ctime(), m.ctime_nsec()))?;
    Ok(o.into_value())
}

/// The real file-system work behind both `fs.xxxSync` and the callback forms.
fn fs_sync<'js>(ctx: &Ctx<'js>, op: &str, args: &[Value<'js>]) -> rquickjs::Result<Value<'js>> {
    let p = arg_str(args, 0);
    let undefined = Value::new_undefined(ctx.clone());
    match op {
        "readFile" => match fs::read(&p) {
            Ok(bytes) => Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value()),
            Err(e) => {
                let syscall = if e.raw_os_error() == Some(libc::EISDIR) {
                    "read"
                } else {
                    "open"
                };
                fs_error(ctx, &e, syscall)
            }
        },
        "writeFile" => match fs::write(&p, arg_bytes(args, 1)) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "open"),
        },
        "appendFile" => {
            use std::io::Write;
            let r = fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&p)
                .and_then(|mut f| f.write_all(&arg_bytes(args, 1)));
            match r {
                Ok(()) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "open"),
            }
        }
        "unlink" => match fs::remove_file(&p) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "unlink"),
        },
        "rmdir" => match fs::remove_dir(&p) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "rmdir"),
        },
        "rm" => {
            let recursive = arg_bool(args, 1);
            let force = arg_bool(args, 2);
            let r = match fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => {
                    if recursive {
                        fs::remove_dir_all(&p)
                    } else {
                        Err(std::io::Error::from_raw_os_error(libc::EISDIR))
                    }
                }
                Ok(_) => fs::remove_file(&p),
                Err(e) if force && e.kind() == ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e),
            };
            match r {
                Ok(()) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "rm"),
            }
        }
        "stat" => match fs::metadata(&p) {
            Ok(m) => stat_object(ctx, &m),
            Err(e) => fs_error(ctx, &e, "stat"),
        },
        "lstat" => match fs::symlink_metadata(&p) {
            Ok(m) => stat_object(ctx, &m),
            Err(e) => fs_error(ctx, &e, "lstat"),
        },
        "access" => {
            let mode = arg_num(args, 1) as libc::c_int;
            match cpath(&p).and_then(|c| cvt(unsafe { libc::access(c.as_ptr(), mode) })) {
                Ok(_) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "access"),
            }
        }
        "readdir" => match fs::read_dir(&p) {
            Ok(rd) => {
                let mut names: Vec<String> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                names.sort();
                names.into_js(ctx)
            }
            Err(e) => fs_error(ctx, &e, "scandir"),
        },
        "mkdir" => {
            if arg_bool(args, 1) {
                let mut first: Option<String> = None;
                let mut cur = Path::new(&p).to_path_buf();
                let mut missing = Vec::new();
                while !cur.as_os_str().is_empty() && !cur.exists() {
                    missing.push(cur.clone());
                    if !cur.pop() {
                        break;
                    }
                }
                if let Some(top) = missing.last() {
                    first = Some(top.display().to_string());
                }
                match fs::create_dir_all(&p) {
                    Ok(()) => first.into_js(ctx),
                    Err(e) => fs_error(ctx, &e, "mkdir"),
                }
            } else {
                match fs::create_dir(&p) {
                    Ok(()) => Ok(undefined),
                    Err(e) => fs_error(ctx, &e, "mkdir"),
                }
            }
        }
        "rename" => match fs::rename(&p, arg_str(args, 1)) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "rename"),
        },
        "copyFile" => match fs::copy(&p, arg_str(args, 1)) {
            Ok(_) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "copyfile"),
        },
        "readdirTypes" => match fs::read_dir(&p) {
            Ok(rd) => {
                let mut entries: Vec<(String, u8)> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| {
                        let kind = e.file_type().map(dirent_type).unwrap_or(0);
                        (e.file_name().to_string_lossy().into_owned(), kind)
                    })
                    .collect();
                entries.sort();
                let list = rquickjs::Array::new(ctx.clone())?;
                for (i, (name, kind)) in entries.into_iter().enumerate() {
                    list.set(i, vec![name.into_js(ctx)?, kind.into_js(ctx)?])?;
                }
                Ok(list.into_value())
            }
            Err(e) => fs_error(ctx, &e, "scandir"),
        },
        "mkdtemp" => match make_temp_dir(&p) {
            Ok(dir) => dir.into_js(ctx),
            Err(e) => fs_error(ctx, &e, "mkdtemp"),
        },
        "truncate" => {
            let r = fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .and_then(|f| f.set_len(arg_num(args, 1) as u64));
            match r {
                Ok(()) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "open"),
            }
        }
        _ => fd::fd_op(ctx, op, args),
    }
}

/// Dirent's type number (libuv's `UV_DIRENT_*`).
fn dirent_type(t: fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        1
    } else if t.is_dir() {
        2
    } else if t.is_symlink() {
        3
    } else if t.is_fifo() {
        4
    } else if t.is_socket() {
        5
    } else if t.is_char_device() {
        6
    } else if t.is_block_device() {
        7
    } else {
        0
    }
}

/// `mkdtemp(prefix)`: the prefix and six random letters, created as a new directory.
fn make_temp_dir(prefix: &str) -> std::io::Result<String> {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
        ^ ((std::process::id() as u64) << 32);
    loop {
        let mut name = String::from(prefix);
        for _ in 0..6 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            name.push(CHARS[(seed >> 33) as usize % CHARS.len()] as char);
        }
        match fs::create_dir(&name) {
            Ok(()) => return Ok(name),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// A path as a C string for libc.
pub(super) fn cpath(p: &str) -> std::io::Result<std::ffi::CString> {
    std::ffi::CString::new(p).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))
}

/// A libc return value as a Result (`-1` is the OS error).
pub(super) fn cvt<T: PartialOrd + Default>(r: T) -> std::io::Result<T> {
    if r < T::default() {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

pub(super) fn arg_num(args: &[Value<'_>], i: usize) -> f64 {
    args.get(i).and_then(|v| v.as_number()).unwrap_or(0.0)
}

/// An op name lib/fs.js does not send.
pub(super) fn unknown_op<'js>(ctx: &Ctx<'js>, other: &str) -> rquickjs::Result<Value<'js>> {
    Err(rquickjs::Exception::throw_type(
        ctx,
        &format!("unknown fs operation {other}"),
    ))
}
