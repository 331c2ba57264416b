//! One module per tab. Each tab implements [`crate::tui::tab::Tab`]: it owns its state (private),
//! takes its engine's events, answers its actions with effects for the runtime, and draws itself;
//! none does I/O, and none imports the app or another tab. [`engine_run`] is the one piece the
//! Fork and Cluster tabs share: where their engine is in its life.

pub mod cluster;
mod engine_run;
pub mod event_loop;
pub mod fork;
pub mod lessons;
