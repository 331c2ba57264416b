//! Where a process tab's engine is in its life, as the Fork and Cluster tabs both track it:
//! starting, up, failed (with the error the tab shows) or closed, and whether Ctrl-R may start it
//! again. State only: it starts nothing itself (the tab hands the runtime its start effect) and
//! draws nothing.

/// The life of one engine run, as its tab sees it.
#[derive(Debug, Default)]
pub struct EngineRun {
    /// Asked to start, not yet up.
    starting: bool,
    /// Why the engine failed, shown in place of the diagram.
    error: Option<String>,
    /// The engine stopped (its channel closed).
    closed: bool,
}

impl EngineRun {
    /// The tab asked the runtime to start the engine.
    pub fn start(&mut self) {
        self.starting = true;
    }

    /// The engine reported it is up.
    pub fn up(&mut self) {
        self.starting = false;
    }

    /// The engine failed to start or to run.
    pub fn failed(&mut self, message: String) {
        self.starting = false;
        self.error = Some(message);
    }

    /// The engine stopped.
    pub fn close(&mut self) {
        self.closed = true;
    }

    /// Start again after a failure or a stop (Ctrl-R): true when the tab should ask the runtime
    /// for a start; false (and nothing changes) while the engine still runs.
    pub fn retry(&mut self) -> bool {
        if self.error.is_none() && !self.closed {
            return false;
        }
        self.error = None;
        self.closed = false;
        self.starting = true;
        true
    }

    pub fn starting(&self) -> bool {
        self.starting
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn closed(&self) -> bool {
        self.closed
    }
}
