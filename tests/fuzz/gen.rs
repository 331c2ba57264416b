//! The differential fuzzer's generator: a random Node program from a seed, as a tree of
//! statements that can be rendered to JavaScript and cut down by the reducer.
//!
//! A [`Program`] is a list of [`Stmt`]s; a statement that schedules work (a nextTick, a `then`, a
//! timer, an fs callback ...) carries the statements its callback runs in `body`. Every statement
//! is self-contained (it declares what it names inside its own block), so dropping any statement,
//! or replacing one by its body, still renders a valid program. Every line a program prints is
//! tagged with the number of the statement that printed it, and nothing printed may legitimately
//! differ between two runs of node: no pids, times, absolute paths or error texts that embed them.
//!
//! Programs are generated in one of two modes. A **deterministic** program uses at most one source
//! of macrotasks (timers of one delay, or immediates, or a single chain of fs requests) next to
//! promises, nextTicks and synchronous code, so node prints the same thing on every run and the
//! fuzzer compares it byte for byte. A **racy** program mixes them freely and is compared as a set
//! of orders. The generator only generates; it runs nothing and judges nothing.

use fastrand::Rng;

/// One random program.
#[derive(Debug, Clone)]
pub struct Program {
    /// The seed it was generated from (`FUZZ_SEED` reproduces it).
    pub seed: u64,
    /// Generated to be racy (compared as a set of orders) rather than deterministic.
    pub racy: bool,
    pub stmts: Vec<Stmt>,
}

/// One statement: what it does, its number (printed in its output lines), and the statements its
/// callback runs.
#[derive(Debug, Clone)]
pub struct Stmt {
    pub n: u32,
    pub kind: Kind,
    pub body: Vec<Stmt>,
}

/// Where a `then` chain starts.
#[derive(Debug, Clone, Copy)]
pub enum Src {
    Resolved,
    Rejected,
    Subclass,
    LoudSubclass,
    Thenable,
    Executor,
}

/// What a `then` callback returns.
#[derive(Debug, Clone, Copy)]
pub enum Ret {
    Nothing,
    Value,
    Thenable,
    Rejected,
    Throw,
    Chained,
}

/// What an async function awaits.
#[derive(Debug, Clone, Copy)]
pub enum Awaited {
    Value,
    Resolved,
    Thenable,
    LoudSubclass,
    Rejected,
    AsyncCall,
    Sleep(u32),
    Immediate,
    FsWrite,
}

/// A combinator and the items it gets.
#[derive(Debug, Clone, Copy)]
pub enum Comb {
    All,
    AllSettled,
    Race,
    Any,
}

#[derive(Debug, Clone, Copy)]
pub enum Item {
    Plain,
    Resolved,
    Rejected,
    Thenable,
    Sleep(u32),
    Immediate,
}

/// An fs request (on a file of the program's own temporary directory).
#[derive(Debug, Clone, Copy)]
pub enum FsOp {
    Write,
    Read,
    ReadMissing,
    Stat,
    UnlinkMissing,
}

/// How an EventEmitter is used.
#[derive(Debug, Clone, Copy)]
pub enum Emit {
    On,
    Once,
    Prepend,
    EventsOnce,
    ErrorCaught,
}

/// How something goes wrong.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    Error,
    ReadOfUndefined,
    CallOfUndefined,
    ThrowString,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Log,
    Tick,
    Micro,
    Then {
        src: Src,
        ret: Ret,
        catch: bool,
        finally: bool,
    },
    Async {
        awaited: Awaited,
        guarded: bool,
    },
    AsyncGen {
        yields: u8,
    },
    Gen,
    Combinator {
        comb: Comb,
        items: Vec<Item>,
    },
    Timeout {
        delay: u32,
        cleared: bool,
    },
    Interval {
        delay: u32,
        times: u8,
    },
    Immediate {
        cleared: bool,
    },
    Fs {
        op: FsOp,
        promise: bool,
    },
    Emitter(Emit),
    TryCatch,
    Throw(Fault),
    UnhandledRejection,
    Exit(u8),
    ExitCode(u8),
    OnExit,
    OnUncaught,
    OnUnhandled,
}

/// The one source of macrotasks a deterministic program may use.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Macro {
    None,
    Timers,
    Immediates,
    FsChain,
}

/// What the generator may still produce where it is.
#[derive(Debug, Clone, Copy)]
struct Place {
    depth: u32,
    top: bool,
    /// Deterministic fs chain: this list may hold one fs request (the next link).
    fs_link: bool,
}

struct Gen {
    rng: Rng,
    racy: bool,
    macro_src: Macro,
    next: u32,
    /// Statements left to generate.
    budget: u32,
}

const MAX_DEPTH: u32 = 3;

impl Program {
    /// The program of `seed`: the same seed always gives the same program.
    pub fn generate(seed: u64) -> Program {
        Program::build(seed, None)
    }

    /// The program of `seed`, made deterministic whatever the seed would choose.
    pub fn deterministic(seed: u64) -> Program {
        Program::build(seed, Some(false))
    }

    fn build(seed: u64, racy: Option<bool>) -> Program {
        let mut rng = Rng::with_seed(seed);
        let chosen = rng.u8(..100) < 40;
        let racy = racy.unwrap_or(chosen);
        let macro_src = match rng.u8(..4) {
            0 => Macro::None,
            1 => Macro::Timers,
            2 => Macro::Immediates,
            _ => Macro::FsChain,
        };
        let budget = rng.u32(4..=22);
        let mut g = Gen {
            rng,
            racy,
            macro_src,
            next: 1,
            budget,
        };
        let place = Place {
            depth: 0,
            top: true,
            fs_link: true,
        };
        let mut stmts = Vec::new();
        while g.budget > 0 {
            let fs_link = place.fs_link && !stmts.iter().any(|s: &Stmt| s.is_fs());
            stmts.push(g.stmt(Place { fs_link, ..place }));
        }
        Program { seed, racy, stmts }
    }

    /// The program as JavaScript: the helpers it uses, then its statements.
    pub fn render(&self) -> String {
        let mut uses = Uses::default();
        for s in &self.stmts {
            s.uses(&mut uses);
        }
        let mut out = String::new();
        out.push_str(&format!(
            "// mini-node fuzz program, seed {} ({})\n",
            self.seed,
            if self.racy { "racy" } else { "deterministic" }
        ));
        if uses.fs {
            out.push_str("const fs = require('fs');\n");
            out.push_str("const fsp = require('fs/promises');\n");
            out.push_str("const path = require('path');\n");
            out.push_str("const D = fs.mkdtempSync(path.join(__dirname, 'tmp-'));\n");
            out.push_str("fs.writeFileSync(path.join(D, 'seed.txt'), 'seed');\n");
        }
        if uses.emitter {
            out.push_str("const EventEmitter = require('events');\n");
            out.push_str("const ee = new EventEmitter();\n");
        }
        if uses.thenable {
            out.push_str(
                "const thenable = (v) => ({ then(res) { console.log('thenable', v); res(v); } });\n",
            );
        }
        if uses.subclass {
            out.push_str("class MyP extends Promise {}\n");
        }
        if uses.loud {
            out.push_str(
                "class LoudP extends Promise {\n  then(f, r) { console.log('LoudP.then'); return super.then(f, r); }\n}\n",
            );
        }
        if uses.sleep {
            out.push_str(
                "const sleep = (ms, v) => new Promise((res) => setTimeout(res, ms, v));\n",
            );
        }
        if uses.immediate_promise {
            out.push_str("const tick = (v) => new Promise((res) => setImmediate(res, v));\n");
        }
        for s in &self.stmts {
            s.render(0, &mut out);
        }
        out
    }

    /// The sources of macrotasks the program uses (`setTimeout 5 ms`, `setImmediate`, `fs
    /// callback` ...), sorted: what its races can be between.
    pub fn sources(&self) -> Vec<String> {
        fn walk(list: &[Stmt], out: &mut std::collections::BTreeSet<String>) {
            for s in list {
                let mut add = |x: String| {
                    out.insert(x);
                };
                match &s.kind {
                    Kind::Timeout { delay, .. } => {
                        add(format!("setTimeout {} ms", (*delay).max(1)))
                    }
                    Kind::Interval { delay, .. } => add(format!("setInterval {delay} ms")),
                    Kind::Immediate { .. } => add("setImmediate".into()),
                    Kind::Fs { promise: false, .. } => add("fs callback".into()),
                    Kind::Fs { promise: true, .. } => add("fs/promises".into()),
                    Kind::Async { awaited, .. } => match awaited {
                        Awaited::Sleep(ms) => add(format!("setTimeout {} ms", (*ms).max(1))),
                        Awaited::Immediate => add("setImmediate".into()),
                        Awaited::FsWrite => add("fs/promises".into()),
                        _ => {}
                    },
                    Kind::Combinator { items, .. } => {
                        for i in items {
                            match i {
                                Item::Sleep(ms) => add(format!("setTimeout {} ms", (*ms).max(1))),
                                Item::Immediate => add("setImmediate".into()),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
                walk(&s.body, out);
            }
        }
        let mut out = std::collections::BTreeSet::new();
        walk(&self.stmts, &mut out);
        out.into_iter().collect()
    }

    /// How many statements the program has, nested ones included.
    pub fn size(&self) -> usize {
        fn count(list: &[Stmt]) -> usize {
            list.iter().map(|s| 1 + count(&s.body)).sum()
        }
        count(&self.stmts)
    }
}

/// The helpers a program's statements need.
#[derive(Default)]
struct Uses {
    fs: bool,
    emitter: bool,
    thenable: bool,
    subclass: bool,
    loud: bool,
    sleep: bool,
    immediate_promise: bool,
}

impl Gen {
    fn number(&mut self) -> u32 {
        let n = self.next;
        self.next += 1;
        n
    }

    fn delay(&mut self) -> u32 {
        if self.racy {
            [0, 1, 1, 2, 5, 10, 20][self.rng.usize(..7)]
        } else {
            // one delay for every timer: 0 and 1 are both node's 1 ms
            self.rng.u32(0..=1)
        }
    }

    fn timers_ok(&self) -> bool {
        self.racy || self.macro_src == Macro::Timers
    }

    fn immediates_ok(&self) -> bool {
        self.racy || self.macro_src == Macro::Immediates
    }

    /// One statement (and its body) for `place`.
    fn stmt(&mut self, place: Place) -> Stmt {
        self.budget = self.budget.saturating_sub(1);
        let n = self.number();
        let fs_ok = self.racy || (self.macro_src == Macro::FsChain && place.fs_link);
        let kind = loop {
            let k = self.pick();
            if self.allowed(&k, place, fs_ok) {
                break k;
            }
        };
        let kind = self.with_delays(kind);
        let body = if kind.has_body() && place.depth < MAX_DEPTH {
            let inner = Place {
                depth: place.depth + 1,
                top: false,
                fs_link: matches!(kind, Kind::Fs { .. }),
            };
            let want = match self.rng.u8(..10) {
                0..=3 => 0,
                4..=7 => 1,
                8 => 2,
                _ => 3,
            };
            let mut body: Vec<Stmt> = Vec::new();
            for _ in 0..want {
                if self.budget == 0 {
                    break;
                }
                let fs_link = inner.fs_link && !body.iter().any(Stmt::is_fs);
                body.push(self.stmt(Place { fs_link, ..inner }));
            }
            body
        } else {
            Vec::new()
        };
        Stmt { n, kind, body }
    }

    /// A kind at random (delays are filled in later, where it is allowed).
    fn pick(&mut self) -> Kind {
        let r = &mut self.rng;
        {
            match r.u8(..100) {
                0..=7 => Kind::Log,
                8..=15 => Kind::Tick,
                16..=21 => Kind::Micro,
                22..=33 => Kind::Then {
                    src: [
                        Src::Resolved,
                        Src::Rejected,
                        Src::Subclass,
                        Src::LoudSubclass,
                        Src::Thenable,
                        Src::Executor,
                    ][r.usize(..6)],
                    ret: [
                        Ret::Nothing,
                        Ret::Value,
                        Ret::Thenable,
                        Ret::Rejected,
                        Ret::Throw,
                        Ret::Chained,
                    ][r.usize(..6)],
                    catch: r.u8(..10) < 8,
                    finally: r.bool(),
                },
                34..=43 => {
                    let awaited = match r.u8(..11) {
                        0 => Awaited::Value,
                        1 => Awaited::Resolved,
                        2 => Awaited::Thenable,
                        3 => Awaited::LoudSubclass,
                        4 => Awaited::Rejected,
                        5 => Awaited::AsyncCall,
                        6 | 7 => Awaited::Sleep(0),
                        8 | 9 => Awaited::Immediate,
                        _ => Awaited::FsWrite,
                    };
                    Kind::Async {
                        awaited,
                        guarded: r.u8(..10) < 8,
                    }
                }
                44..=46 => Kind::AsyncGen {
                    yields: r.u8(1..=3),
                },
                47..=48 => Kind::Gen,
                49..=55 => {
                    let comb = [Comb::All, Comb::AllSettled, Comb::Race, Comb::Any][r.usize(..4)];
                    let items = (0..r.usize(1..=4))
                        .map(|_| match r.u8(..12) {
                            0..=1 => Item::Plain,
                            2..=4 => Item::Resolved,
                            5..=6 => Item::Rejected,
                            7..=8 => Item::Thenable,
                            9..=10 => Item::Sleep(0),
                            _ => Item::Immediate,
                        })
                        .collect();
                    Kind::Combinator { comb, items }
                }
                56..=63 => Kind::Timeout {
                    delay: 0,
                    cleared: r.u8(..10) == 0,
                },
                64..=66 => Kind::Interval {
                    delay: 0,
                    times: r.u8(1..=3),
                },
                67..=73 => Kind::Immediate {
                    cleared: r.u8(..10) == 0,
                },
                74..=83 => Kind::Fs {
                    op: [
                        FsOp::Write,
                        FsOp::Read,
                        FsOp::ReadMissing,
                        FsOp::Stat,
                        FsOp::UnlinkMissing,
                    ][r.usize(..5)],
                    promise: r.bool(),
                },
                84..=88 => Kind::Emitter(
                    [
                        Emit::On,
                        Emit::Once,
                        Emit::Prepend,
                        Emit::EventsOnce,
                        Emit::ErrorCaught,
                    ][r.usize(..5)],
                ),
                89..=91 => Kind::TryCatch,
                92..=93 => Kind::Throw(
                    [
                        Fault::Error,
                        Fault::ReadOfUndefined,
                        Fault::CallOfUndefined,
                        Fault::ThrowString,
                    ][r.usize(..4)],
                ),
                94 => Kind::UnhandledRejection,
                95 => Kind::Exit(r.u8(..3)),
                96 => Kind::ExitCode(r.u8(..3)),
                97 => Kind::OnExit,
                98 => Kind::OnUncaught,
                _ => Kind::OnUnhandled,
            }
        }
    }

    /// Fill in the timer delays of a chosen kind (deterministic programs use one delay).
    fn with_delays(&mut self, kind: Kind) -> Kind {
        match kind {
            Kind::Timeout { cleared, .. } => Kind::Timeout {
                delay: self.delay(),
                cleared,
            },
            Kind::Interval { times, .. } => Kind::Interval {
                delay: self.delay().max(1),
                times,
            },
            Kind::Async {
                awaited: Awaited::Sleep(_),
                guarded,
            } => Kind::Async {
                awaited: Awaited::Sleep(self.delay()),
                guarded,
            },
            Kind::Combinator { comb, items } => {
                let items = items
                    .into_iter()
                    .map(|i| match i {
                        Item::Sleep(_) => Item::Sleep(self.delay()),
                        other => other,
                    })
                    .collect();
                Kind::Combinator { comb, items }
            }
            other => other,
        }
    }

    /// May `kind` appear at `place` in this program?
    fn allowed(&self, kind: &Kind, place: Place, fs_ok: bool) -> bool {
        // endings and process-wide listeners are rare, and listeners only at the top
        match kind {
            Kind::OnExit | Kind::OnUncaught | Kind::OnUnhandled => place.top,
            Kind::Timeout { .. } | Kind::Interval { .. } => self.timers_ok(),
            Kind::Immediate { .. } => self.immediates_ok(),
            Kind::Fs { .. } => fs_ok,
            Kind::Async { awaited, .. } => match awaited {
                Awaited::Sleep(_) => self.timers_ok(),
                Awaited::Immediate => self.immediates_ok(),
                Awaited::FsWrite => self.racy,
                _ => true,
            },
            Kind::Combinator { items, .. } => items.iter().all(|i| match i {
                Item::Sleep(_) => self.timers_ok(),
                Item::Immediate => self.immediates_ok(),
                _ => true,
            }),
            // a top-level throw ends the program before anything is scheduled
            Kind::Throw(_) | Kind::Exit(_) => !place.top,
            _ => true,
        }
    }
}

impl Kind {
    fn has_body(&self) -> bool {
        !matches!(
            self,
            Kind::Log
                | Kind::Throw(_)
                | Kind::UnhandledRejection
                | Kind::Exit(_)
                | Kind::ExitCode(_)
                | Kind::OnExit
                | Kind::OnUncaught
                | Kind::OnUnhandled
                | Kind::Combinator { .. }
                | Kind::Gen
        )
    }
}

impl Stmt {
    fn is_fs(&self) -> bool {
        matches!(self.kind, Kind::Fs { .. })
    }

    fn uses(&self, u: &mut Uses) {
        match &self.kind {
            Kind::Then { src, ret, .. } => {
                match src {
                    Src::Thenable => u.thenable = true,
                    Src::Subclass => u.subclass = true,
                    Src::LoudSubclass => u.loud = true,
                    _ => {}
                }
                if matches!(ret, Ret::Thenable) {
                    u.thenable = true;
                }
            }
            Kind::Async { awaited, .. } => match awaited {
                Awaited::Thenable => u.thenable = true,
                Awaited::LoudSubclass => u.loud = true,
                Awaited::Sleep(_) => u.sleep = true,
                Awaited::Immediate => u.immediate_promise = true,
                Awaited::FsWrite => u.fs = true,
                _ => {}
            },
            Kind::Combinator { items, .. } => {
                for i in items {
                    match i {
                        Item::Thenable => u.thenable = true,
                        Item::Sleep(_) => u.sleep = true,
                        Item::Immediate => u.immediate_promise = true,
                        _ => {}
                    }
                }
            }
            Kind::Fs { .. } => u.fs = true,
            Kind::Emitter(_) => u.emitter = true,
            _ => {}
        }
        for s in &self.body {
            s.uses(u);
        }
    }

    /// The statement as JavaScript at `indent` levels, with its body inside its callback.
    fn render(&self, indent: usize, out: &mut String) {
        let pad = "  ".repeat(indent);
        let n = self.n;
        let mut body = String::new();
        for s in &self.body {
            s.render(indent + 1, &mut body);
        }
        let mut line = |text: &str| {
            out.push_str(&pad);
            out.push_str(text);
            out.push('\n');
        };
        match &self.kind {
            Kind::Log => line(&format!("console.log('log {n}');")),
            Kind::Tick => {
                line(&format!(
                    "process.nextTick((a) => {{ console.log('tick {n}', a);"
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}}, {n});\n"));
            }
            Kind::Micro => {
                line(&format!(
                    "queueMicrotask(() => {{ console.log('microtask {n}');"
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}});\n"));
            }
            Kind::Then {
                src,
                ret,
                catch,
                finally,
            } => {
                let start = match src {
                    Src::Resolved => format!("Promise.resolve({n})"),
                    Src::Rejected => format!("Promise.reject(new Error('rejected {n}'))"),
                    Src::Subclass => format!("MyP.resolve({n})"),
                    Src::LoudSubclass => format!("LoudP.resolve({n})"),
                    Src::Thenable => format!("Promise.resolve(thenable({n}))"),
                    Src::Executor => format!(
                        "new Promise((res) => {{ console.log('executor {n}'); res({n}); }})"
                    ),
                };
                line(&format!(
                    "{start}.then((v) => {{ console.log('then {n}', v);"
                ));
                out.push_str(&body);
                let back = match ret {
                    Ret::Nothing => String::new(),
                    Ret::Value => format!("return 'r{n}';"),
                    Ret::Thenable => format!("return thenable('r{n}');"),
                    Ret::Rejected => format!("return Promise.reject(new Error('returned {n}'));"),
                    Ret::Throw => format!("throw new Error('thrown {n}');"),
                    Ret::Chained => format!("return Promise.resolve('c{n}').then((w) => w + '!');"),
                };
                if !back.is_empty() {
                    out.push_str(&format!("{pad}  {back}\n"));
                }
                let mut tail = format!("{pad}}}).then((w) => console.log('then {n} got', w))");
                if *catch {
                    tail.push_str(&format!(
                        ".catch((e) => console.log('catch {n}', e instanceof Error ? e.message : e))"
                    ));
                }
                if *finally {
                    tail.push_str(&format!(".finally(() => console.log('finally {n}'))"));
                }
                tail.push_str(";\n");
                out.push_str(&tail);
            }
            Kind::Async { awaited, guarded } => {
                let what = match awaited {
                    Awaited::Value => format!("{n}"),
                    Awaited::Resolved => format!("Promise.resolve({n})"),
                    Awaited::Thenable => format!("thenable({n})"),
                    Awaited::LoudSubclass => format!("LoudP.resolve({n})"),
                    Awaited::Rejected => format!("Promise.reject(new Error('awaited {n}'))"),
                    Awaited::AsyncCall => format!("(async () => {{ await null; return {n}; }})()"),
                    Awaited::Sleep(ms) => format!("sleep({ms}, {n})"),
                    Awaited::Immediate => format!("tick({n})"),
                    Awaited::FsWrite => {
                        format!("fsp.writeFile(path.join(D, 'a{n}.txt'), 'x').then(() => {n})")
                    }
                };
                line(&format!(
                    "(async () => {{ console.log('async {n}'); const v = await {what}; console.log('async {n} got', v);"
                ));
                out.push_str(&body);
                let mut tail = format!("{pad}}})()");
                if *guarded {
                    tail.push_str(&format!(
                        ".catch((e) => console.log('async {n} failed', e instanceof Error ? e.message : e))"
                    ));
                }
                tail.push_str(";\n");
                out.push_str(&tail);
            }
            Kind::AsyncGen { yields } => {
                let ys: Vec<String> = (0..*yields)
                    .map(|i| format!("yield '{n}.{i}'; await null;"))
                    .collect();
                line(&format!(
                    "(async () => {{ async function* g() {{ {} }} for await (const v of g()) console.log('for await {n}', v);",
                    ys.join(" ")
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}})();\n"));
            }
            Kind::Gen => line(&format!(
                "for (const v of (function* () {{ yield {n}; yield* [{n}, 'b']; }})()) console.log('gen {n}', v);"
            )),
            Kind::Combinator { comb, items } => {
                let list: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, it)| match it {
                        Item::Plain => format!("'{n}.{i}'"),
                        Item::Resolved => format!("Promise.resolve('{n}.{i}')"),
                        Item::Rejected => format!("Promise.reject(new Error('{n}.{i}'))"),
                        Item::Thenable => format!("thenable('{n}.{i}')"),
                        Item::Sleep(ms) => format!("sleep({ms}, '{n}.{i}')"),
                        Item::Immediate => format!("tick('{n}.{i}')"),
                    })
                    .collect();
                let (name, shown) = match comb {
                    Comb::All => ("all", "v"),
                    Comb::AllSettled => (
                        "allSettled",
                        "v.map((r) => r.status + ':' + (r.status === 'fulfilled' ? r.value : r.reason.message))",
                    ),
                    Comb::Race => ("race", "v"),
                    Comb::Any => ("any", "v"),
                };
                line(&format!(
                    "Promise.{name}([{}]).then((v) => console.log('{name} {n}', {shown}), (e) => console.log('{name} {n} rejected', e.constructor.name, e.message, e.errors ? e.errors.map((x) => x.message) : ''));",
                    list.join(", ")
                ));
            }
            Kind::Timeout { delay, cleared } => {
                line(&format!(
                    "{{ const t{n} = setTimeout((a) => {{ console.log('timeout {n}', a);"
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}}, {delay}, {n});"));
                if *cleared {
                    out.push_str(&format!(" clearTimeout(t{n});"));
                }
                out.push_str(" }\n");
            }
            Kind::Interval { delay, times } => {
                line(&format!(
                    "{{ let c{n} = 0; const h{n} = setInterval(() => {{ c{n}++; console.log('interval {n}', c{n}); if (c{n} === {times}) clearInterval(h{n}); if (c{n} === 1) {{"
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}} }}, {delay}); }}\n"));
            }
            Kind::Immediate { cleared } => {
                line(&format!(
                    "{{ const i{n} = setImmediate(() => {{ console.log('immediate {n}');"
                ));
                out.push_str(&body);
                out.push_str(&format!("{pad}}});"));
                if *cleared {
                    out.push_str(&format!(" clearImmediate(i{n});"));
                }
                out.push_str(" }\n");
            }
            Kind::Fs { op, promise } => {
                let (call, shown) = match op {
                    FsOp::Write => (
                        format!("writeFile(path.join(D, 'w{n}.txt'), 'data {n}'"),
                        "'written'",
                    ),
                    FsOp::Read => (
                        "readFile(path.join(D, 'seed.txt'), 'utf8'".to_string(),
                        "r",
                    ),
                    FsOp::ReadMissing => (
                        format!("readFile(path.join(D, 'missing{n}.txt')"),
                        "r",
                    ),
                    FsOp::Stat => (
                        "stat(path.join(D, 'seed.txt')".to_string(),
                        "r.size",
                    ),
                    FsOp::UnlinkMissing => (
                        format!("unlink(path.join(D, 'gone{n}.txt')"),
                        "'unlinked'",
                    ),
                };
                if *promise {
                    line(&format!(
                        "fsp.{call}).then((r) => {{ console.log('fsp {n}', {shown});"
                    ));
                    out.push_str(&body);
                    out.push_str(&format!(
                        "{pad}}}, (e) => console.log('fsp {n} failed', e.code, e.syscall));\n"
                    ));
                } else {
                    line(&format!(
                        "fs.{call}, (err, r) => {{ console.log('fs {n}', err ? err.code : {shown});"
                    ));
                    out.push_str(&body);
                    out.push_str(&format!("{pad}}});\n"));
                }
            }
            Kind::Emitter(how) => {
                let ev = format!("'e{n}'");
                match how {
                    Emit::On | Emit::Once | Emit::Prepend => {
                        let method = match how {
                            Emit::On => "on",
                            Emit::Once => "once",
                            _ => "prependListener",
                        };
                        line(&format!(
                            "ee.{method}({ev}, function (a) {{ console.log('{method} {n}', a, this === ee, ee.listenerCount({ev}));"
                        ));
                        out.push_str(&body);
                        out.push_str(&format!(
                            "{pad}}}); console.log('emit {n}', ee.emit({ev}, {n}), ee.emit({ev}, 'again'));\n"
                        ));
                    }
                    Emit::EventsOnce => {
                        line(&format!(
                            "EventEmitter.once(ee, {ev}).then(([a]) => {{ console.log('events.once {n}', a);"
                        ));
                        out.push_str(&body);
                        out.push_str(&format!("{pad}}}); ee.emit({ev}, {n});\n"));
                    }
                    Emit::ErrorCaught => {
                        line(&format!(
                            "try {{ ee.emit('error', new Error('emitted {n}')); }} catch (e) {{ console.log('emit error {n}', e.message);"
                        ));
                        out.push_str(&body);
                        out.push_str(&format!("{pad}}}\n"));
                    }
                }
            }
            Kind::TryCatch => {
                line(&format!("try {{ console.log('try {n}');"));
                out.push_str(&body);
                out.push_str(&format!(
                    "{pad}  throw new Error('try {n}');\n{pad}}} catch (e) {{ console.log('caught {n}', e.message); }} finally {{ console.log('finally {n}'); }}\n"
                ));
            }
            Kind::Throw(fault) => match fault {
                Fault::Error => line(&format!("throw new Error('boom {n}');")),
                Fault::ReadOfUndefined => {
                    line(&format!("{{ const o{n} = undefined; console.log(o{n}.field); }}"))
                }
                Fault::CallOfUndefined => {
                    line(&format!("{{ const o{n} = {{}}; o{n}.missing(); }}"))
                }
                Fault::ThrowString => line(&format!("throw 'text {n}';")),
            },
            Kind::UnhandledRejection => {
                line(&format!("Promise.reject(new Error('unhandled {n}'));"))
            }
            Kind::Exit(code) => line(&format!("process.exit({code});")),
            Kind::ExitCode(code) => line(&format!("process.exitCode = {code};")),
            Kind::OnExit => line(&format!(
                "process.on('exit', (c) => console.log('exit {n}', c, process.exitCode));"
            )),
            // (no body: a listener that throws or rejects again loops forever in node)
            Kind::OnUncaught => line(&format!(
                "process.on('uncaughtException', (e, origin) => console.log('uncaught {n}', e instanceof Error ? e.message : e, origin));"
            )),
            Kind::OnUnhandled => line(&format!(
                "process.on('unhandledRejection', (r) => console.log('unhandled rejection {n}', r instanceof Error ? r.message : r));"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_program() {
        for seed in 0..50 {
            assert_eq!(
                Program::generate(seed).render(),
                Program::generate(seed).render()
            );
        }
    }
}
