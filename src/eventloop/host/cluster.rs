//! The native half of lib/cluster.js: the listening socket a primary shares with its workers
//! under SCHED_NONE (`mn.clusterBind`), bound and listening but never accepted on here: every
//! worker accepts on its own copy of the descriptor, as node's shared handles do.
//!
//! Round-robin needs nothing of its own: the primary listens through net's natives and hands
//! each accepted descriptor over the IPC channel (host/child_process.rs).

use std::os::fd::IntoRawFd;

use rquickjs::{Ctx, IntoJs, Value};

use super::native::{native, Host};
use super::{net, tcp};

/// `mn.clusterBind(host, port, backlog)`: a listening TCP socket's descriptor, or net's error
/// array. An empty host binds every interface (`::`, IPv4 too), as node's `listen(port)` does.
pub fn cluster_bind<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(
        ctx,
        |ctx: Ctx<'js>, host: String, port: f64, backlog: f64| -> rquickjs::Result<Value<'js>> {
            let backlog = if backlog > 0.0 { backlog as i32 } else { 511 };
            match net::bind(&host, port as u16, backlog) {
                Ok(listener) => (listener.into_raw_fd() as f64).into_js(&ctx),
                Err(e) => tcp::error_array(&ctx, tcp::errno_of(&e), "listen", &[]),
            }
        },
    )
}
