//! The exit codes of `mini-node` and the error that carries one to `main`.
//!
//! Engines return their own typed errors; the command handlers wrap the ones that must end the
//! program with a particular status in [`Exit`]. Everything else ends with [`code::FAILURE`].

use std::fmt;

/// Exit codes, documented in the README.
pub mod code {
    /// Everything went well.
    pub const OK: i32 = 0;
    /// The JavaScript failed (uncaught exception, syntax error, unhandled rejection), as node exits.
    pub const SCRIPT: i32 = 1;
    /// The command line was wrong (clap's own code).
    pub const USAGE: i32 = 2;
    /// mini-node could not do what was asked: a missing file, a port in use, not a terminal ...
    pub const FAILURE: i32 = 3;
    /// A script was stopped by `--timeout` (busy loop, endless nextTick chain).
    pub const TIMEOUT: i32 = 124;
    /// A script ran out of the heap given by `--max-memory`.
    pub const OUT_OF_MEMORY: i32 = 134;
}

/// An error that ends the program with a chosen exit code. `message` is one line, naming the thing
/// that went wrong and the way out; an empty message prints nothing (the view already said it).
#[derive(Debug)]
pub struct Exit {
    pub code: i32,
    pub message: String,
}

impl Exit {
    pub fn new(code: i32, message: impl Into<String>) -> Self {
        Exit {
            code,
            message: message.into(),
        }
    }

    /// Exit with `code`, having printed everything already.
    pub fn silent(code: i32) -> Self {
        Exit {
            code,
            message: String::new(),
        }
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exit {}
