//! The scripts the Event Loop tab plays and what the runtime brings back from running one: a
//! [`Script`] to run, a [`Recorded`] run (its events and the orders `--explore` found) and a
//! [`Compared`] alignment of both models. Plain data passed between the engines' side
//! (`tui::engines`) and the tab; no drawing and no scheduling here.

use crate::eventloop::compare::Comparison;
use crate::eventloop::{Event, Model, Stream};

/// A script for the Event Loop tab: a name to show and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub name: String,
    pub title: String,
    pub source: String,
    /// The file it came from (`--script`), for `__filename` and error locations.
    pub path: Option<std::path::PathBuf>,
}

/// The engine's alignment of the two models' console lines, as the runtime hands it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    /// The script's name (matches [`Script::name`]).
    pub name: String,
    pub result: Result<Comparison, String>,
}

/// One order `--explore` found: why, what it prints, and its events when the engine gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct BranchView {
    pub reason: String,
    pub output: Vec<(Stream, String)>,
    pub events: Option<Vec<Event>>,
}

/// A finished recording, as the runtime hands it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The script's name (matches [`Script::name`]).
    pub name: String,
    /// The model it ran under.
    pub model: Model,
    /// The events of the run, or the error that stopped the engine.
    pub result: Result<Vec<Event>, String>,
    /// What `--explore` found (empty when it was not run or found one order).
    pub branches: Vec<BranchView>,
}

/// What the runtime brings back to the Event Loop tab.
#[derive(Debug, Clone, PartialEq)]
pub enum LoopEvent {
    /// A run of the current script under one model.
    Recorded(Recorded),
    /// The engine's alignment of both models' output (the compare view).
    Compared(Compared),
}
