//! The native half of lib/os.js: the machine's facts, read from the environment and /proc each
//! time they are asked for.
//!
//! Read-only: it changes nothing and touches no scheduler state.

use rquickjs::{Ctx, Value};

use super::native::{native, Host};

/// `mn.tmpdir()`: $TMPDIR without its trailing `/`, or /tmp.
pub fn tmpdir<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        let t = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into());
        if t.len() > 1 {
            t.trim_end_matches('/').to_string()
        } else {
            t
        }
    })
}

/// `mn.homedir()`.
pub fn homedir<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || std::env::var("HOME").unwrap_or_else(|_| "/".into()))
}

/// `mn.hostname()`.
pub fn hostname<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|_| "localhost".into())
    })
}

/// `mn.osRelease()`.
pub fn os_release<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    })
}

/// `mn.cpus()`: how many (os.cpus() makes that many entries).
pub fn cpus<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1) as u32
    })
}

/// `mn.totalmem()`, in bytes.
pub fn totalmem<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || meminfo("MemTotal:"))
}

/// `mn.freemem()`, in bytes.
pub fn freemem<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || meminfo("MemAvailable:"))
}

/// `mn.osUptime()`, in seconds.
pub fn os_uptime<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .next()
                    .and_then(|x| x.parse::<f64>().ok())
            })
            .unwrap_or(0.0)
    })
}

/// A /proc/meminfo line's value, in bytes.
fn meminfo(key: &str) -> f64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(key)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|x| x.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb * 1024.0)
}
