//! `mini-node demo event-loop`: pick the script (a file or a built-in example), record its run,
//! and walk through the steps at the chosen pace (`--delay`, `--step`), or compare Node's loop
//! with the browser's (`--compare`). The walk and the comparison are drawn by `crate::print`.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Duration;

use crate::cli::EventLoopArgs;
use crate::error::{code, Exit};
use crate::eventloop::{self, script, Model, RunOptions};
use crate::print::run::comparison;
use crate::print::walk::{self, Walk, WalkView, WALK_STEPS};

use super::{failure, script_status};

pub fn run(args: EventLoopArgs) -> anyhow::Result<()> {
    if args.list {
        walk::examples(eventloop::examples(), &mut std::io::stdout().lock())?;
        return Ok(());
    }
    // The browser views start from the example made for them.
    let example = match (&args.file, &args.example) {
        (None, None) if args.browser || args.compare => Some("browser-vs-node".to_string()),
        _ => args.example.clone(),
    };
    let (source, file, title) = match (&args.file, &example) {
        (Some(f), _) => {
            let source = script::load(f).map_err(failure)?;
            (source, script::script_path(f), f.display().to_string())
        }
        (None, Some(name)) => {
            let ex = eventloop::examples().iter().find(|e| e.name == name).ok_or_else(|| {
                let names: Vec<&str> = eventloop::examples().iter().map(|e| e.name).collect();
                Exit::new(
                    code::USAGE,
                    format!("no example named '{name}': choose one of {} (see --list)", names.join(", ")),
                )
            })?;
            (
                ex.source.to_string(),
                std::env::temp_dir().join(format!("{}.js", ex.name)),
                format!("{} — {}", ex.name, ex.title),
            )
        }
        (None, None) => {
            return Err(Exit::new(
                code::USAGE,
                "give a script or an example: `mini-node demo event-loop FILE.js` or `--example phases` (see --list)",
            )
            .into())
        }
    };
    let mut opts = RunOptions::new(file);
    opts.record = true;
    opts.timeout = Duration::from_secs_f64(args.timeout);
    let mut out = std::io::stdout().lock();
    if args.compare {
        let c = eventloop::compare::compare(&source, &opts).map_err(failure)?;
        comparison(&title, &source, &c, &mut out)?;
        return Ok(());
    }
    if args.browser {
        opts.model = Model::Browser;
    }
    walk::header(&title, &source, args.timeout, &mut out)?;
    out.flush()?;
    let mut recorded = Walk::new(WALK_STEPS);
    let outcome = eventloop::run(&source, &opts, &mut |e| recorded.record(e)).map_err(failure)?;
    writeln!(out)?;

    let stdin = std::io::stdin();
    if args.step && !stdin.is_terminal() {
        walk::step_needs_terminal(&mut out)?;
    }
    let mut view = WalkView::new(args.browser);
    let mut lines = stdin.lock().lines();
    for e in recorded.shown() {
        if !view.step(e, &mut out)? {
            continue;
        }
        if args.step {
            // At the end of input the rest plays without pausing.
            let _ = lines.next();
        } else if args.delay > 0 {
            std::thread::sleep(Duration::from_millis(args.delay));
        }
    }
    view.ending(&recorded, &mut out)?;
    script_status(outcome.exit_code)
}
