//! The built-in example snippets (from the course notes), embedded in the binary for
//! `mini-node demo event-loop --example NAME`, the TUI and the lessons.

/// One built-in snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub name: &'static str,
    pub title: &'static str,
    pub source: &'static str,
}

static EXAMPLES: &[Example] = &[
    Example {
        name: "phases",
        title: "The phases: timers, poll (I/O), check (setImmediate), close",
        source: include_str!("examples/phases.js"),
    },
    Example {
        name: "microtasks",
        title: "process.nextTick vs promises vs setTimeout vs setImmediate",
        source: include_str!("examples/microtasks.js"),
    },
    Example {
        name: "timeout-vs-immediate",
        title: "setTimeout(0) vs setImmediate in the main module: a race",
        source: include_str!("examples/timeout-vs-immediate.js"),
    },
    Example {
        name: "io-cycle",
        title: "setTimeout(0) vs setImmediate inside an I/O callback: always immediate first",
        source: include_str!("examples/io-cycle.js"),
    },
    Example {
        name: "async-await",
        title: "async/await and promises: the classic ordering question",
        source: include_str!("examples/async-await.js"),
    },
    Example {
        name: "interval",
        title: "setInterval rescheduling and clearInterval in its own callback",
        source: include_str!("examples/interval.js"),
    },
    Example {
        name: "starvation",
        title: "An endless nextTick chain starves the event loop",
        source: include_str!("examples/starvation.js"),
    },
    Example {
        name: "browser-vs-node",
        title: "The same snippet under the browser's loop and Node's (try --compare)",
        source: include_str!("examples/browser-vs-node.js"),
    },
];

/// Every built-in example, in teaching order.
pub fn examples() -> &'static [Example] {
    EXAMPLES
}
