//! The JavaScript host: what a Node script sees (console, timers, process, require('fs' | 'path' |
//! 'os' | ...), error reports), built from `prelude.js` and a small native bridge (`mn`).
//!
//! The bridge only records requests in the scheduler's state ([`Sched`]) and does real file-system
//! work; it never decides when a callback runs. That is the job of the loop model (`node.rs`, and
//! a browser model), which calls back into the functions returned in [`Js`].

use std::cell::{Cell, RefCell};
use std::fs;
use std::io::ErrorKind;
use std::path::Path;
use std::rc::Rc;

use rquickjs::function::{Opt, Rest};
use rquickjs::{ArrayBuffer, Ctx, Function, IntoJs, Object, Value};

use super::node::Sched;
use super::quickjs;
use super::{RunOptions, Stream};

/// The prelude's entry points the loop calls.
pub struct Js<'js> {
    pub main: Function<'js>,
    pub run_timer: Function<'js>,
    pub run_immediate: Function<'js>,
    pub run_tick: Function<'js>,
    /// Plain runs: drain the prelude's own nextTick queue.
    pub run_ticks: Function<'js>,
    pub run_callback: Function<'js>,
    pub uncaught: Function<'js>,
    pub process_rejections: Function<'js>,
    pub run_exit: Function<'js>,
    pub before_exit: Function<'js>,
}

/// Node's library, joined by build.rs from `lib/*.js`.
const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.js"));
const HEADER: &str = "(function (exports, require, module, __filename, __dirname) { ";

/// node's frames below a syntax error in the main module.
const SYNTAX_FRAMES: &str = "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)
    at Module._compile (node:internal/modules/cjs/loader:1495:20)
    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
    at Module.load (node:internal/modules/cjs/loader:1266:32)
    at Module._load (node:internal/modules/cjs/loader:1091:12)
    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
    at node:internal/main/run_main_module:28:49";

/// The prelude names a timer's kind by number (1 setTimeout, 2 setInterval): no string crosses
/// from JavaScript for each timer.
fn kind_name(kind: u32) -> Option<&'static str> {
    match kind {
        1 => Some("setTimeout"),
        2 => Some("setInterval"),
        _ => None,
    }
}

fn fs_label(label: &str) -> &'static str {
    match label {
        "fs.readFile" => "fs.readFile",
        "fs.writeFile" => "fs.writeFile",
        "fs.appendFile" => "fs.appendFile",
        "fs.unlink" => "fs.unlink",
        "fs.stat" => "fs.stat",
        "fs.lstat" => "fs.lstat",
        "fs.readdir" => "fs.readdir",
        "fs.mkdir" => "fs.mkdir",
        "fs.rename" => "fs.rename",
        "fs.access" => "fs.access",
        "fs.rmdir" => "fs.rmdir",
        "fs.rm" => "fs.rm",
        "fs.copyFile" => "fs.copyFile",
        "fs.exists" => "fs.exists",
        _ => "fs request",
    }
}

/// Build the host in `ctx`: the native bridge, the prelude, the globals.
pub fn install<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    opts: &RunOptions,
    sched: Rc<RefCell<Sched>>,
    interrupt: Rc<Cell<bool>>,
) -> rquickjs::Result<Js<'js>> {
    let mn = Object::new(ctx.clone())?;
    let filename = opts.filename.display().to_string();
    mn.set("filename", filename.clone())?;
    mn.set("record", sched.borrow().record)?;
    mn.set("headerLength", HEADER.len() as f64)?;
    mn.set("source", source)?;
    let mut argv = vec!["/usr/local/bin/node".to_string(), filename];
    argv.extend(opts.args.iter().cloned());
    mn.set("argv", argv)?;
    mn.set("pid", std::process::id())?;
    mn.set("ppid", std::os::unix::process::parent_id())?;
    mn.set("platform", std::env::consts::OS)?;
    mn.set(
        "arch",
        match std::env::consts::ARCH {
            "x86_64" => "x64",
            "aarch64" => "arm64",
            other => other,
        },
    )?;

    let s = sched.clone();
    mn.set(
        "write",
        quickjs::write_fn(ctx, move |stream, text| s.borrow_mut().write(stream, text))?,
    )?;
    let s = sched.clone();
    mn.set(
        "now",
        Function::new(ctx.clone(), move || s.borrow_mut().clock.read())?,
    )?;
    let s = sched.clone();
    mn.set(
        "timerStart",
        Function::new(
            ctx.clone(),
            move |id: f64, ms: f64, line: u32, refed: bool, kind: Opt<u32>| {
                let kind = kind.0.and_then(kind_name);
                s.borrow_mut().add_timer(id as u64, ms, line, refed, kind);
            },
        )?,
    )?;
    let s = sched.clone();
    mn.set(
        "timerClear",
        Function::new(ctx.clone(), move |id: f64| {
            s.borrow_mut().clear_timer(id as u64)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "timerRef",
        Function::new(ctx.clone(), move |id: f64, refed: bool| {
            s.borrow_mut().timers.set_ref(id as u64, refed)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "timerActive",
        Function::new(ctx.clone(), move |id: f64| {
            s.borrow().timers.is_active(id as u64)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "immediate",
        Function::new(ctx.clone(), move |id: f64, line: u32| {
            s.borrow_mut().add_immediate(id as u64, line)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "immediateClear",
        Function::new(ctx.clone(), move |id: f64| {
            s.borrow_mut().clear_immediate(id as u64)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "immediateRef",
        Function::new(ctx.clone(), move |id: f64, refed: bool| {
            s.borrow_mut().ref_immediate(id as u64, refed)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "tick",
        Function::new(ctx.clone(), move |id: f64, line: u32| {
            s.borrow_mut().add_tick(id as u64, line)
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "tickWake",
        Function::new(ctx.clone(), move || s.borrow_mut().tick_wake = true)?,
    )?;
    let s = sched.clone();
    mn.set(
        "microtask",
        Function::new(ctx.clone(), move |line: u32| {
            let mut s = s.borrow_mut();
            if s.record {
                let label = if line > 0 {
                    format!("queueMicrotask at line {line}")
                } else {
                    "queueMicrotask".into()
                };
                let line = (line > 0).then_some(line);
                if s.jobs.is_some() {
                    // the job queueMicrotask queues next carries its name
                    s.sync_jobs();
                    s.microtask_label = Some((label, line));
                } else {
                    s.events.push(super::Event::Enqueue {
                        id: 0,
                        queue: super::Queue::Microtask,
                        label,
                        line,
                        due_ms: None,
                    });
                }
            }
        })?,
    )?;
    let s = sched.clone();
    mn.set(
        "fsStart",
        Function::new(
            ctx.clone(),
            move |id: f64, label: String, trips: u32, line: u32| {
                s.borrow_mut()
                    .add_fs(id as u64, fs_label(&label), trips, line)
            },
        )?,
    )?;
    let s = sched.clone();
    mn.set(
        "fatal",
        Function::new(ctx.clone(), move |text: String, code: i32| {
            let mut s = s.borrow_mut();
            s.write(Stream::Stderr, text);
            s.fatal = Some(code);
        })?,
    )?;
    let s = sched.clone();
    let intr = interrupt.clone();
    mn.set(
        "exit",
        Function::new(ctx.clone(), move |code: i32| {
            s.borrow_mut().exit = Some(code);
            intr.set(true);
        })?,
    )?;
    mn.set(
        "compile",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, src: String, file: String| {
            compile(&ctx, &src, Path::new(&file), false).map_err(|report| {
                let e = rquickjs::Exception::from_message(ctx.clone(), &report)
                    .map(|e| e.into_value())
                    .unwrap_or_else(|_| Value::new_undefined(ctx.clone()));
                ctx.throw(e)
            })
        })?,
    )?;
    // An object that only inherits from Promise answers 2: util.inspect shows its (undefined) value.
    mn.set("promiseState", quickjs::promise_state(ctx, 2)?)?;
    mn.set(
        "utf8Encode",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String| {
            ArrayBuffer::new(ctx, s.into_bytes())
        })?,
    )?;
    mn.set(
        "utf8Decode",
        Function::new(ctx.clone(), |b: ArrayBuffer<'js>| {
            String::from_utf8_lossy(&buffer_bytes(&b)).into_owned()
        })?,
    )?;
    mn.set(
        "base64Encode",
        Function::new(ctx.clone(), |b: ArrayBuffer<'js>| {
            base64_encode(&buffer_bytes(&b))
        })?,
    )?;
    mn.set(
        "base64Decode",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String| {
            ArrayBuffer::new(ctx, base64_decode(&s))
        })?,
    )?;
    mn.set(
        "env",
        Function::new(ctx.clone(), || {
            std::env::vars().collect::<std::collections::HashMap<String, String>>()
        })?,
    )?;
    mn.set(
        "cwd",
        Function::new(ctx.clone(), || {
            std::env::current_dir()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "/".into())
        })?,
    )?;
    mn.set(
        "tmpdir",
        Function::new(ctx.clone(), || {
            let t = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into());
            if t.len() > 1 {
                t.trim_end_matches('/').to_string()
            } else {
                t
            }
        })?,
    )?;
    mn.set(
        "homedir",
        Function::new(ctx.clone(), || {
            std::env::var("HOME").unwrap_or_else(|_| "/".into())
        })?,
    )?;
    mn.set(
        "hostname",
        Function::new(ctx.clone(), || {
            fs::read_to_string("/proc/sys/kernel/hostname")
                .map(|s| s.trim().to_string())
                .unwrap_or_else(|_| "localhost".into())
        })?,
    )?;
    mn.set(
        "osRelease",
        Function::new(ctx.clone(), || {
            fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        })?,
    )?;
    mn.set(
        "cpus",
        Function::new(ctx.clone(), || {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1) as u32
        })?,
    )?;
    mn.set(
        "totalmem",
        Function::new(ctx.clone(), || meminfo("MemTotal:"))?,
    )?;
    mn.set(
        "freemem",
        Function::new(ctx.clone(), || meminfo("MemAvailable:"))?,
    )?;
    mn.set(
        "osUptime",
        Function::new(ctx.clone(), || {
            fs::read_to_string("/proc/uptime")
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .next()
                        .and_then(|x| x.parse::<f64>().ok())
                })
                .unwrap_or(0.0)
        })?,
    )?;
    mn.set(
        "memory",
        Function::new(ctx.clone(), || {
            fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .nth(1)
                        .and_then(|x| x.parse::<f64>().ok())
                })
                .map_or(0.0, |pages| pages * 4096.0)
        })?,
    )?;
    mn.set(
        "fs",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, op: String, args: Rest<Value<'js>>| fs_sync(&ctx, &op, &args.0),
        )?,
    )?;

    let prelude: Function = match load_prelude(ctx) {
        Some(f) => f,
        None => ctx.eval_with_options(PRELUDE, sloppy("node:mini-node".into()))?,
    };
    let handles: Object = prelude.call((mn, ctx.globals()))?;
    let track: Function = handles.get("trackRejection")?;
    ctx.globals().prop(
        "__mn_track",
        rquickjs::object::Property::from(track).configurable(),
    )?;
    Ok(Js {
        main: handles.get("main")?,
        run_timer: handles.get("runTimer")?,
        run_immediate: handles.get("runImmediate")?,
        run_tick: handles.get("runTick")?,
        run_ticks: handles.get("runTicks")?,
        run_callback: handles.get("runCallback")?,
        uncaught: handles.get("uncaught")?,
        process_rejections: handles.get("processRejections")?,
        run_exit: handles.get("runExit")?,
        before_exit: handles.get("beforeExit")?,
    })
}

/// Where the compiled prelude is cached: parsing it is most of a one-line script's start-up.
fn prelude_cache() -> Option<std::path::PathBuf> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [PRELUDE, env!("CARGO_PKG_VERSION"), env!("MINI_NODE_ENGINE")];
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let dirs = directories::ProjectDirs::from("", "", "mini-node")?;
    Some(dirs.cache_dir().join(format!("prelude-{h:016x}.qjsbc")))
}

/// The prelude from its cached bytecode, compiling and caching it on the first run. `None`:
/// evaluate the source instead (no cache directory, a stale or damaged file).
fn load_prelude<'js>(ctx: &Ctx<'js>) -> Option<Function<'js>> {
    let path = prelude_cache()?;
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: plain QuickJS calls on a live context; every JSValue is consumed exactly once
    // (JS_EvalFunction frees the function object) and buffers outlive the calls.
    unsafe {
        let func = match fs::read(&path) {
            Ok(bytes) => {
                let f = rquickjs::qjs::JS_ReadObject(
                    raw,
                    bytes.as_ptr(),
                    bytes.len() as _,
                    rquickjs::qjs::JS_READ_OBJ_BYTECODE as i32,
                );
                if rquickjs::qjs::JS_IsException(f) {
                    let _ = ctx.catch();
                    let _ = fs::remove_file(&path);
                    return None;
                }
                f
            }
            Err(_) => {
                let src = std::ffi::CString::new(PRELUDE).ok()?;
                let f = rquickjs::qjs::JS_Eval(
                    raw,
                    src.as_ptr(),
                    PRELUDE.len() as _,
                    c"node:mini-node".as_ptr(),
                    (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY)
                        as i32,
                );
                if rquickjs::qjs::JS_IsException(f) {
                    let _ = ctx.catch();
                    return None;
                }
                let mut size: rquickjs::qjs::size_t = 0;
                let buf = rquickjs::qjs::JS_WriteObject(
                    raw,
                    &mut size,
                    f,
                    rquickjs::qjs::JS_WRITE_OBJ_BYTECODE as i32,
                );
                if !buf.is_null() {
                    let bytes = std::slice::from_raw_parts(buf, size as usize).to_vec();
                    rquickjs::qjs::js_free(raw, buf.cast());
                    if let Some(dir) = path.parent() {
                        let _ = fs::create_dir_all(dir);
                    }
                    // write then rename, so a concurrent run never reads half a file
                    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
                    if fs::write(&tmp, bytes).is_ok() {
                        let _ = fs::rename(&tmp, &path);
                    }
                }
                f
            }
        };
        let v = rquickjs::qjs::JS_EvalFunction(raw, func);
        if rquickjs::qjs::JS_IsException(v) {
            let _ = ctx.catch();
            return None;
        }
        Value::from_raw(ctx.clone(), v).into_function()
    }
}

/// Script evaluation as node compiles CommonJS: sloppy mode, named after its file.
fn sloppy(filename: String) -> rquickjs::context::EvalOptions {
    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o.filename = Some(filename);
    o
}

/// The bytes of an ArrayBuffer, copied out before any JavaScript runs again.
fn buffer_bytes(b: &ArrayBuffer<'_>) -> Vec<u8> {
    // SAFETY: the slice is copied at once; no JavaScript runs while it is alive.
    unsafe { b.as_bytes().map(|s| s.to_vec()).unwrap_or_default() }
}

fn meminfo(key: &str) -> f64 {
    fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(key)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|x| x.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb * 1024.0)
}

/// Compile a CommonJS module body into its wrapper function. A syntax error comes back as the
/// report node prints (`file:line`, the line, a caret, the error, node's frames).
pub fn compile<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    file: &Path,
    main: bool,
) -> Result<Function<'js>, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let body = if source.starts_with("#!") {
        // node ignores a shebang line; keep the line count.
        let end = source.find('\n').unwrap_or(source.len());
        format!("{}{}", " ".repeat(end), &source[end..])
    } else {
        source.to_string()
    };
    let wrapped = format!("{HEADER}{body}\n}})");
    let r: rquickjs::Result<Function> =
        ctx.eval_with_options(wrapped, sloppy(file.display().to_string()));
    match r {
        Ok(f) => Ok(f),
        Err(rquickjs::Error::Exception) => {
            let wrapped_error = ctx.catch();
            // The wrapper shifts what the parser sees (an extra `}` closes it): report the error
            // the bare source has, when it has one.
            match bare_syntax_error(ctx, &body, file) {
                Some(e) => {
                    // QuickJS places an error on the first line of a bare script at column 1;
                    // the wrapped compile has the column right
                    let first_col = match error_location(&e, file) {
                        Some((1, 1)) => error_location(&wrapped_error, file)
                            .filter(|&(line, col)| line == 1 && col > 1)
                            .map(|(_, col)| col),
                        _ => None,
                    };
                    Err(syntax_report(&e, source, file, main, first_col))
                }
                None => {
                    // the wrapper's header shares the first line
                    let first_col = error_location(&wrapped_error, file)
                        .map(|(_, col)| col.saturating_sub(HEADER.len()).max(1));
                    Err(syntax_report(&wrapped_error, source, file, main, first_col))
                }
            }
        }
        Err(e) => Err(format!("{}: {e}\n", file.display())),
    }
}

/// Compile (without running) the bare source as a script; its syntax error, if any.
fn bare_syntax_error<'js>(ctx: &Ctx<'js>, body: &str, file: &Path) -> Option<Value<'js>> {
    let src = std::ffi::CString::new(body).ok()?;
    let name = std::ffi::CString::new(file.display().to_string()).ok()?;
    // SAFETY: NUL-terminated buffers that outlive the call; the result is freed or caught.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let v = rquickjs::qjs::JS_Eval(
            raw,
            src.as_ptr(),
            body.len() as _,
            name.as_ptr(),
            (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
        );
        if rquickjs::qjs::JS_IsException(v) {
            let e = ctx.catch();
            let is_syntax = e
                .as_object()
                .and_then(|o| o.get::<_, String>("name").ok())
                .is_some_and(|n| n == "SyntaxError");
            let message: String = e
                .as_object()
                .and_then(|o| o.get("message").ok())
                .unwrap_or_default();
            // a top-level `return` is fine in a CommonJS module
            if is_syntax && !message.contains("return") {
                return Some(e);
            }
            None
        } else {
            rquickjs::qjs::JS_FreeValue(raw, v);
            None
        }
    }
}

/// Where a syntax error points: (line, column), 1-based.
fn error_location(e: &Value<'_>, file: &Path) -> Option<(usize, usize)> {
    let stack: String = e.as_object()?.get("stack").ok()?;
    location_in(&stack, &file.display().to_string())
}

/// node's report of a syntax error; `first_col`: the column to use if it is on the first line.
fn syntax_report(
    e: &Value<'_>,
    source: &str,
    file: &Path,
    main: bool,
    first_col: Option<usize>,
) -> String {
    let message: String = e
        .as_object()
        .and_then(|o| o.get("message").ok())
        .unwrap_or_else(|| "invalid script".into());
    let (line, col) = error_location(e, file).unwrap_or((1, 1));
    let col = match first_col {
        Some(c) if line == 1 => c,
        _ => col,
    };
    let mut message = v8_message(&message);
    let mut line = line.min(source.lines().count().max(1));
    let mut marker = format!("{}^", " ".repeat(col.saturating_sub(1)));
    let placed = {
        match node_caret(&message, line, col, source) {
            Some((m, l, k)) => {
                (message, line, marker) = (m, l, k);
                true
            }
            None => false,
        }
    };
    if !placed && (message == "Unexpected end of input" || message == "Expecting ')'") {
        if let Some((l, start, len)) = open_call_at_end(source) {
            // V8: "missing ) after argument list", under the last token
            message = "missing ) after argument list".into();
            line = l;
            marker = format!("{}{}", " ".repeat(start), "^".repeat(len.max(1)));
        }
    }
    if !placed && message == "Invalid property name" {
        let at = col.saturating_sub(1);
        let found = source
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|t| t.chars().nth(at));
        match found {
            // V8 names the token where a property name should be
            Some(c) if !c.is_whitespace() && !is_ident(c) => {
                message = format!("Unexpected token '{c}'");
                marker = format!("{}^", " ".repeat(at));
            }
            // the input ended inside an object or class body: V8 points past the last line
            _ if braces_left_open(source) => {
                message = "Unexpected end of input".into();
                line = source.lines().count() + usize::from(source.ends_with('\n'));
                marker = String::new();
            }
            _ => {}
        }
    }
    let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let mut out = format!(
        "{}:{line}\n{text}\n{marker}\n\nSyntaxError: {message}\n",
        file.display()
    );
    if main {
        out.push_str(SYNTAX_FRAMES);
        out.push_str("\n\nNode.js v20.20.2\n");
    }
    out
}

/// QuickJS reports many syntax errors without a column. For the common ones, V8's message, line
/// and caret (or underline) worked out from the reported line's text: (message, line, marker).
fn node_caret(
    message: &str,
    line: usize,
    col: usize,
    source: &str,
) -> Option<(String, usize, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let text: Vec<char> = lines.get(line.checked_sub(1)?)?.chars().collect();
    let under =
        |start: usize, len: usize| format!("{}{}", " ".repeat(start), "^".repeat(len.max(1)));
    let code = code_mask(&text);
    // an unterminated '…' or "…" string
    if let Some(q) = unterminated_quote(&text) {
        if message.starts_with("Unexpected")
            || message.starts_with("Invalid or")
            || message.starts_with("Expecting")
        {
            let len = text.len() - q;
            return Some(("Invalid or unexpected token".into(), line, under(q, len)));
        }
    }
    if message == "let is disallowed as a lexically bound name" {
        let at = col.checked_sub(1).filter(|&c| {
            text.get(c..)
                .is_some_and(|r| r.starts_with(&['l', 'e', 't']))
        })?;
        return Some((message.into(), line, under(at, 3)));
    }
    let unclosed_template = source.chars().filter(|&c| c == '`').count() % 2 == 1;
    if message == "Unexpected token ''"
        || (message == "Unexpected end of input" && unclosed_template)
    {
        // the input ended inside a block: V8 points past the last line
        let last = if source.ends_with('\n') {
            lines.len() + 1
        } else {
            lines.len()
        };
        return Some(("Unexpected end of input".into(), last, String::new()));
    }
    let word_at = |word: &str| -> Option<usize> {
        let w: Vec<char> = word.chars().collect();
        (0..text.len()).find(|&i| {
            code[i]
                && text[i..].starts_with(&w)
                && (i == 0 || !is_ident(text[i - 1]))
                && text.get(i + w.len()).is_none_or(|c| !is_ident(*c))
        })
    };
    if let Some(tok) = message
        .strip_prefix("Unexpected token '")
        .and_then(|t| t.strip_suffix('\''))
        .filter(|t| !t.is_empty())
    {
        let t: Vec<char> = tok.chars().collect();
        let given = col
            .checked_sub(1)
            .filter(|&c| c > 0 && text.get(c..).is_some_and(|r| r.starts_with(&t)));
        let at =
            given.or_else(|| (0..text.len()).find(|&i| code[i] && text[i..].starts_with(&t)))?;
        if let Some(open) = open_call_before(&text, &code, at) {
            // V8: "missing ) after argument list", under the last argument
            let from = (open + 1..at)
                .rev()
                .find(|&i| code[i] && text[i] == ',')
                .unwrap_or(open)
                + 1;
            let start = (from..at).find(|&i| !text[i].is_whitespace()).unwrap_or(at);
            let end = (start..at)
                .rev()
                .find(|&i| !text[i].is_whitespace())
                .map_or(start, |e| e + 1);
            let (start, len) = if end > start {
                (start, end - start)
            } else {
                (at, t.len())
            };
            return Some((
                "missing ) after argument list".into(),
                line,
                under(start, len),
            ));
        }
        return Some((message.to_string(), line, under(at, t.len())));
    }
    if message == "Invalid assignment left-hand side" {
        let eq = (0..text.len()).find(|&i| {
            code[i]
                && text[i] == '='
                && text.get(i + 1).is_none_or(|c| *c != '=' && *c != '>')
                && (i == 0 || !"=!<>+-*/%&|^".contains(text[i - 1]))
        })?;
        let start = text.iter().position(|c| !c.is_whitespace())?;
        let end = (start..eq)
            .rev()
            .find(|&i| !text[i].is_whitespace())
            .map_or(start, |e| e + 1);
        let len = end.saturating_sub(start);
        return Some((
            "Invalid left-hand side in assignment".into(),
            line,
            under(start, len),
        ));
    }
    if message == "Missing initializer for variable" {
        let at = word_at("const")?;
        let name = (at + 5..text.len()).find(|&i| !text[i].is_whitespace())?;
        let len = text[name..].iter().take_while(|c| is_ident(**c)).count();
        return Some((
            "Missing initializer in const declaration".into(),
            line,
            under(name, len),
        ));
    }
    let unexpected_operand = message.starts_with("Unexpected identifier")
        || message == "Unexpected number"
        || message == "Unexpected string";
    if unexpected_operand {
        if let Some(at) = word_at("await").filter(|_| message == "Unexpected identifier") {
            return Some((
                "await is only valid in async functions and the top level bodies of modules".into(),
                line,
                under(at, 5),
            ));
        }
        let at = col.checked_sub(1)?;
        // a call still open here, maybe since an earlier line: V8 says "missing ) after argument
        // list", under the token before (on its own line)
        let (flat, flat_code, starts) = flatten(lines.get(..line)?);
        let flat_at = starts[line - 1] + at;
        if open_call_before(&flat, &flat_code, flat_at).is_some() {
            let (start, len) = token_before(&flat, flat_at).unwrap_or((flat_at, 1));
            let k = starts.iter().rposition(|&s| s <= start).unwrap_or(line - 1);
            return Some((
                "missing ) after argument list".into(),
                k + 1,
                under(start - starts[k], len),
            ));
        }
        if let Some((m, len)) = unexpected_token(&text, at) {
            return Some((m, line, under(at, len)));
        }
        return None;
    }
    if message.ends_with("has already been declared") {
        let at = ["const", "let", "class"]
            .iter()
            .find_map(|w| word_at(w).map(|a| a + w.len()))?;
        let name = (at..text.len()).find(|&i| !text[i].is_whitespace())?;
        let ident: String = text[name..].iter().take_while(|c| is_ident(**c)).collect();
        return Some((
            format!("Identifier '{ident}' has already been declared"),
            line,
            under(name, 1),
        ));
    }
    None
}

/// Lines joined by `\n`, with their code mask (outside strings and comments) and where each
/// line starts.
fn flatten(lines: &[&str]) -> (Vec<char>, Vec<bool>, Vec<usize>) {
    let mut flat: Vec<char> = Vec::new();
    let mut code: Vec<bool> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        let chars: Vec<char> = l.chars().collect();
        starts.push(flat.len());
        code.extend(code_mask(&chars));
        flat.extend(chars);
        if k + 1 < lines.len() {
            flat.push('\n');
            code.push(true);
        }
    }
    (flat, code, starts)
}

/// More `{` than `}` in the code (strings and comments aside).
fn braces_left_open(source: &str) -> bool {
    let lines: Vec<&str> = source.lines().collect();
    let (flat, code, _) = flatten(&lines);
    let depth: i64 = flat
        .iter()
        .zip(&code)
        .filter(|(_, &c)| c)
        .map(|(&ch, _)| match ch {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum();
    depth > 0
}

/// A call still open where the source ends: (line, start, length) of the last token, where V8
/// reports `missing ) after argument list`.
fn open_call_at_end(source: &str) -> Option<(usize, usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let (flat, code, starts) = flatten(&lines);
    open_call_before(&flat, &code, flat.len())?;
    let (start, len) = token_before(&flat, flat.len())?;
    let k = starts.iter().rposition(|&s| s <= start)?;
    Some((k + 1, start - starts[k], len))
}

/// The token that ends before `at`: (start, length).
fn token_before(text: &[char], at: usize) -> Option<(usize, usize)> {
    let end = (0..at).rev().find(|&i| !text[i].is_whitespace())? + 1;
    let last = text[end - 1];
    let start = if last == '"' || last == '\'' {
        (0..end - 1)
            .rev()
            .find(|&i| text[i] == last && (i == 0 || text[i - 1] != '\\'))?
    } else if is_ident(last) {
        (0..end)
            .rev()
            .take_while(|&i| {
                is_ident(text[i]) || text[i] == '.' && text[i.saturating_sub(1)].is_ascii_digit()
            })
            .last()?
    } else {
        end - 1
    };
    Some((start, end - start))
}

/// V8's words for the token QuickJS found where a `;` should have been: (message, its length).
fn unexpected_token(text: &[char], at: usize) -> Option<(String, usize)> {
    const KEYWORDS: &[&str] = &[
        "async",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
    ];
    let rest = text.get(at..)?;
    let c = *rest.first()?;
    if c.is_ascii_digit() || (c == '.' && rest.get(1).is_some_and(|d| d.is_ascii_digit())) {
        let len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '.' || **c == '_')
            .count();
        return Some(("Unexpected number".into(), len));
    }
    if c == '"' || c == '\'' {
        let mut i = 1;
        while i < rest.len() {
            if rest[i] == '\\' {
                i += 2;
            } else if rest[i] == c {
                return Some(("Unexpected string".into(), i + 1));
            } else {
                i += 1;
            }
        }
        return None;
    }
    if is_ident(c) || c == '#' {
        let len = 1 + rest[1..].iter().take_while(|c| is_ident(**c)).count();
        let word: String = rest[..len].iter().collect();
        let message = if KEYWORDS.contains(&word.as_str()) {
            format!("Unexpected token '{word}'")
        } else if word == "enum" {
            "Unexpected reserved word".into()
        } else {
            format!("Unexpected identifier '{word}'")
        };
        return Some((message, len));
    }
    (!c.is_whitespace()).then(|| (format!("Unexpected token '{c}'"), 1))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// For each character of a line: whether it is code (not inside a string or a `//` comment).
fn code_mask(text: &[char]) -> Vec<bool> {
    let mut mask = vec![true; text.len()];
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match quote {
            Some(q) => {
                mask[i] = false;
                if c == '\\' {
                    if i + 1 < text.len() {
                        mask[i + 1] = false;
                    }
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && text.get(i + 1) == Some(&'/') => {
                mask[i..].iter_mut().for_each(|m| *m = false);
                break;
            }
            None if matches!(c, '\'' | '"' | '`') => {
                quote = Some(c);
                mask[i] = false;
            }
            None => {}
        }
        i += 1;
    }
    mask
}

/// Where a '…' or "…" string opens and is never closed on its line.
fn unterminated_quote(text: &[char]) -> Option<usize> {
    let mut open: Option<(char, usize)> = None;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match open {
            Some(_) if c == '\\' => i += 1,
            Some((q, _)) if c == q => open = None,
            Some(_) => {}
            None if c == '/' && text.get(i + 1) == Some(&'/') => break,
            None if matches!(c, '\'' | '"' | '`') => open = Some((c, i)),
            None => {}
        }
        i += 1;
    }
    open.filter(|(q, _)| *q != '`').map(|(_, at)| at)
}

/// The `(` of a call still open at `at` on this line (not the `(` of `if`, `while` …).
fn open_call_before(text: &[char], code: &[bool], at: usize) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..at {
        if !code[i] {
            continue;
        }
        match text[i] {
            '(' | '[' | '{' => stack.push(i),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    let open = *stack.last()?;
    if text[open] != '(' {
        return None;
    }
    let before: String = text[..open].iter().collect();
    let before = before.trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| is_ident(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let keyword = matches!(
        word.as_str(),
        "if" | "while" | "for" | "switch" | "catch" | "with" | "return" | "typeof" | "function"
    );
    let callee = before.ends_with(|c: char| is_ident(c) || c == ')' || c == ']');
    (callee && !keyword).then_some(open)
}

/// `file:line:col` of the first frame in `file`.
pub(super) fn location_in(stack: &str, file: &str) -> Option<(usize, usize)> {
    let at = stack.find(&format!("{file}:"))?;
    let rest = &stack[at + file.len() + 1..];
    let mut parts = rest.split(|c: char| !c.is_ascii_digit());
    let line = parts.next()?.parse().ok()?;
    let col = parts.next()?.parse().ok()?;
    Some((line, col))
}

/// QuickJS's wording of the common syntax errors, in V8's words.
pub(super) fn v8_message(m: &str) -> String {
    if let Some(tok) = m.strip_prefix("unexpected token in expression: ") {
        return format!("Unexpected token {tok}");
    }
    if let Some(tok) = m.strip_prefix("unexpected token: ") {
        return format!("Unexpected token {tok}");
    }
    match m {
        "unexpected end of string" | "unexpected end of input" => "Unexpected end of input".into(),
        "expecting ';'" => "Unexpected identifier".into(),
        "'let' is not a valid lexical identifier" => {
            "let is disallowed as a lexically bound name".into()
        }
        "unexpected 'await' keyword" => {
            "await is only valid in async functions and the top level bodies of modules".into()
        }
        "unterminated string literal"
        | "unexpected end of string literal"
        | "invalid number literal"
        | "Invalid number literal" => "Invalid or unexpected token".into(),
        _ if m.starts_with("invalid redefinition of lexical identifier")
            || m.ends_with("already declared") =>
        {
            let name = m.split('\'').nth(1).unwrap_or("");
            format!("Identifier '{name}' has already been declared")
        }
        _ => {
            let mut c = m.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        }
    }
}

/// QuickJS throws `InternalError: out of memory` at the heap limit.
pub fn is_out_of_memory(v: &Value<'_>) -> bool {
    if v.is_null() || v.is_undefined() {
        // QuickJS may fail to even allocate the error object.
        return false;
    }
    if let Some(o) = v.as_object() {
        let msg: String = o.get("message").unwrap_or_default();
        return msg == "out of memory";
    }
    v.as_string()
        .and_then(|s| s.to_string().ok())
        .is_some_and(|s| s.contains("out of memory"))
}

/// A one-line description of an engine error (for RunError).
pub fn describe(ctx: &Ctx<'_>, e: rquickjs::Error) -> String {
    match e {
        rquickjs::Error::Exception => {
            let v = ctx.catch();
            if let Some(o) = v.as_object() {
                let m: String = o.get("message").unwrap_or_default();
                let s: String = o.get("stack").unwrap_or_default();
                format!("{m} {s}")
            } else {
                format!("{v:?}")
            }
        }
        other => other.to_string(),
    }
}

/// A failed fs call as `[errno, code, description, syscall]`, like libuv reports it.
fn fs_error<'js>(
    ctx: &Ctx<'js>,
    e: &std::io::Error,
    syscall: &str,
) -> rquickjs::Result<Value<'js>> {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    let (code, desc) = match errno {
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        _ => ("EIO", "i/o error"),
    };
    let _ = e.kind() == ErrorKind::NotFound;
    vec![
        (-errno).into_js(ctx)?,
        code.into_js(ctx)?,
        desc.into_js(ctx)?,
        syscall.into_js(ctx)?,
    ]
    .into_js(ctx)
}

fn arg_str(args: &[Value<'_>], i: usize) -> String {
    args.get(i)
        .and_then(|v| v.as_string())
        .and_then(|s| s.to_string().ok())
        .unwrap_or_default()
}

fn arg_bytes(args: &[Value<'_>], i: usize) -> Vec<u8> {
    args.get(i)
        .and_then(|v| ArrayBuffer::from_value(v.clone()))
        .map(|b| buffer_bytes(&b))
        .unwrap_or_default()
}

fn arg_bool(args: &[Value<'_>], i: usize) -> bool {
    args.get(i).and_then(|v| v.as_bool()).unwrap_or(false)
}

fn stat_object<'js>(ctx: &Ctx<'js>, m: &fs::Metadata) -> rquickjs::Result<Value<'js>> {
    use std::os::unix::fs::MetadataExt;
    let o = Object::new(ctx.clone())?;
    o.set("dev", m.dev() as f64)?;
    o.set("mode", m.mode() as f64)?;
    o.set("nlink", m.nlink() as f64)?;
    o.set("uid", m.uid() as f64)?;
    o.set("gid", m.gid() as f64)?;
    o.set("rdev", m.rdev() as f64)?;
    o.set("blksize", m.blksize() as f64)?;
    o.set("ino", m.ino() as f64)?;
    o.set("size", m.size() as f64)?;
    o.set("blocks", m.blocks() as f64)?;
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    o.set("atimeMs", ms(m.atime(), m.atime_nsec()))?;
    o.set("mtimeMs", ms(m.mtime(), m.mtime_nsec()))?;
    o.set("ctimeMs", ms(m.ctime(), m.ctime_nsec()))?;
    o.set("birthtimeMs", ms(m.ctime(), m.ctime_nsec()))?;
    Ok(o.into_value())
}

/// The real file-system work behind both `fs.xxxSync` and the callback forms.
fn fs_sync<'js>(ctx: &Ctx<'js>, op: &str, args: &[Value<'js>]) -> rquickjs::Result<Value<'js>> {
    let p = arg_str(args, 0);
    let undefined = Value::new_undefined(ctx.clone());
    match op {
        "readFile" => match fs::read(&p) {
            Ok(bytes) => Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value()),
            Err(e) => {
                let syscall = if e.raw_os_error() == Some(libc::EISDIR) {
                    "read"
                } else {
                    "open"
                };
                fs_error(ctx, &e, syscall)
            }
        },
        "writeFile" => match fs::write(&p, arg_bytes(args, 1)) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "open"),
        },
        "appendFile" => {
            use std::io::Write;
            let r = fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&p)
                .and_then(|mut f| f.write_all(&arg_bytes(args, 1)));
            match r {
                Ok(()) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "open"),
            }
        }
        "unlink" => match fs::remove_file(&p) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "unlink"),
        },
        "rmdir" => match fs::remove_dir(&p) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "rmdir"),
        },
        "rm" => {
            let recursive = arg_bool(args, 1);
            let force = arg_bool(args, 2);
            let r = match fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => {
                    if recursive {
                        fs::remove_dir_all(&p)
                    } else {
                        Err(std::io::Error::from_raw_os_error(libc::EISDIR))
                    }
                }
                Ok(_) => fs::remove_file(&p),
                Err(e) if force && e.kind() == ErrorKind::NotFound => Ok(()),
                Err(e) => Err(e),
            };
            match r {
                Ok(()) => Ok(undefined),
                Err(e) => fs_error(ctx, &e, "rm"),
            }
        }
        "stat" => match fs::metadata(&p) {
            Ok(m) => stat_object(ctx, &m),
            Err(e) => fs_error(ctx, &e, "stat"),
        },
        "lstat" => match fs::symlink_metadata(&p) {
            Ok(m) => stat_object(ctx, &m),
            Err(e) => fs_error(ctx, &e, "lstat"),
        },
        "access" => match fs::metadata(&p) {
            Ok(_) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "access"),
        },
        "readdir" => match fs::read_dir(&p) {
            Ok(rd) => {
                let mut names: Vec<String> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                names.sort();
                names.into_js(ctx)
            }
            Err(e) => fs_error(ctx, &e, "scandir"),
        },
        "mkdir" => {
            if arg_bool(args, 1) {
                let mut first: Option<String> = None;
                let mut cur = Path::new(&p).to_path_buf();
                let mut missing = Vec::new();
                while !cur.as_os_str().is_empty() && !cur.exists() {
                    missing.push(cur.clone());
                    if !cur.pop() {
                        break;
                    }
                }
                if let Some(top) = missing.last() {
                    first = Some(top.display().to_string());
                }
                match fs::create_dir_all(&p) {
                    Ok(()) => first.into_js(ctx),
                    Err(e) => fs_error(ctx, &e, "mkdir"),
                }
            } else {
                match fs::create_dir(&p) {
                    Ok(()) => Ok(undefined),
                    Err(e) => fs_error(ctx, &e, "mkdir"),
                }
            }
        }
        "rename" => match fs::rename(&p, arg_str(args, 1)) {
            Ok(()) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "rename"),
        },
        "copyFile" => match fs::copy(&p, arg_str(args, 1)) {
            Ok(_) => Ok(undefined),
            Err(e) => fs_error(ctx, &e, "copyfile"),
        },
        other => Err(rquickjs::Exception::throw_type(
            ctx,
            &format!("unknown fs operation {other}"),
        )),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        assert_eq!(base64_encode(b"hi!"), "aGkh");
        assert_eq!(base64_encode(b"hi"), "aGk=");
        assert_eq!(base64_decode("aGk="), b"hi");
    }

    #[test]
    fn syntax_messages_in_v8_words() {
        assert_eq!(
            v8_message("unexpected token in expression: ';'"),
            "Unexpected token ';'"
        );
        assert_eq!(
            location_in("SyntaxError: x\n    at /a.js:2:9\n", "/a.js"),
            Some((2, 9))
        );
    }
}
