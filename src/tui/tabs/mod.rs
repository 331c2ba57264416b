//! One file per tab. Each tab owns its state, applies its engine's events, answers its actions
//! with effects for the runtime, and draws itself; none does I/O.

pub mod cluster;
pub mod event_loop;
pub mod fork;
pub mod lessons;
