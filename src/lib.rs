//! mini-node: a teaching tool that shows how Node.js runs, its event loop and its processes, live.
//!
//! The crate is split into **engines** that know nothing about terminals and **views** that only
//! consume the engines' typed events:
//!
//! - [`eventloop`]: the built-in scheduler (Node v20's phases and queues, and the browser's model)
//!   driving a real embedded JavaScript engine (QuickJS).
//! - [`process`]: real OS processes: the IPC channel, the fork demo and the cluster with its guard.
//! - [`lessons`]: the course, embedded from `lessons/`, with quizzes answered by the scheduler.
//! - [`print`]: the coloured command-line views; [`tui`]: the terminal UI.
//! - [`commands`]: one module per subcommand, joining the [`cli`] arguments to an engine and a view.

pub mod cli;
pub mod commands;
pub mod error;
pub mod eventloop;
pub mod lessons;
pub mod print;
pub mod process;
pub mod tui;
