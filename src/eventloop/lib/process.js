// process.js: the `process` object (an EventEmitter) and the exit path.
//
// HOW: static facts (argv, pid, platform ...) are read once from the bridge; process.exit emits
// 'exit', tells the scheduler the code (`mn.exit`, which interrupts the running callback) and
// throws the EXIT sentinel, which the loop model recognises (`isExit`) and does not report.
// runExit and beforeExit are called by the loop when it runs out of work; their listeners run
// through __emitExit / __emitBeforeExit, named in errors.js's RUNNER_FRAMES (node's emit frame).
// An error thrown by an 'exit' listener at the end goes to reportUncaught, as node's does.
// WHY: node emits 'beforeExit' when the loop empties and 'exit' once, with process.exitCode.
//
// Shared with Rust: process.abort exits with 134 (SIGABRT's status); process.version is node
// v20.20.2, as in the syntax-error reports of src/eventloop/host/syntax.rs. Bridge names: argv,
// pid,
// ppid, platform, arch, env, cwd, memory, now, exit, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- process
  const process = new EventEmitter();
  // node's path as a script sees it in process.execPath and argv[0] (fork runs this binary while
  // process.execPath is still this value: child_process.js)
  const NODE_EXEC_PATH = '/usr/local/bin/node';
  const EXIT = { __mnExit: true };
  Object.assign(process, {
    argv: mn.argv,
    argv0: 'node',
    execArgv: [],
    execPath: NODE_EXEC_PATH,
    env: mn.env(),
    pid: mn.pid,
    ppid: mn.ppid,
    platform: mn.platform,
    arch: mn.arch,
    version: 'v20.20.2',
    versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0', modules: '115' },
    release: { name: 'node', lts: 'Iron' },
    title: 'node',
    exitCode: undefined,
    nextTick,
    emitWarning,
    cwd: () => mn.cwd(),
    uptime: () => mn.now() / 1000,
    hrtime: Object.assign(function hrtime(prev) {
      const ns = Math.round(mn.now() * 1e6) + 1e9;
      let s = Math.floor(ns / 1e9);
      let n = ns % 1e9;
      if (prev !== undefined) {
        if (!Array.isArray(prev)) {
          const e = invalidArgType('time', 'Array', prev);
          e.message = e.message.replace('must be of type Array', 'must be an instance of Array');
          throw e;
        }
        if (prev.length !== 2) {
          const e = new RangeError(`The value of "time" is out of range. It must be 2. Received ${prev.length}`);
          e.code = 'ERR_OUT_OF_RANGE';
          throw e;
        }
        s -= prev[0]; n -= prev[1]; if (n < 0) { s -= 1; n += 1e9; }
      }
      return [s, n];
    }, { bigint: () => BigInt(Math.round(mn.now() * 1e6)) + 1000000000n }),
    memoryUsage: Object.assign(() => { const m = mn.memory(); return { rss: m, heapTotal: m, heapUsed: m, external: 0, arrayBuffers: 0 }; }, { rss: () => mn.memory() }),
    exit(code) {
      if (code !== undefined) process.exitCode = code;
      const c = process.exitCode === undefined ? 0 : (Number(process.exitCode) | 0);
      if (!process._exiting) {
        process._exiting = true;
        try { process.emit('exit', c); } catch (e) { /* an exit listener threw */ }
      }
      mn.exit(process.exitCode === undefined ? c : (Number(process.exitCode) | 0));
      throw EXIT;
    },
    abort() { mn.exit(134); throw EXIT; },
    stdout: { write(s) { writeOut(1, String(s)); return true; }, isTTY: false, columns: 80, fd: 1 },
    stderr: { write(s) { writeOut(2, String(s)); return true; }, isTTY: false, columns: 80, fd: 2 },
    stdin: { fd: 0, isTTY: false },
    features: {},
    config: { variables: {} },
  });
  process._exiting = false;
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process' });
  function runExit(code) {
    if (process.exitCode !== undefined) code = Number(process.exitCode) | 0;
    if (!process._exiting) {
      process._exiting = true;
      try {
        __emitExit(code);
      } catch (e) {
        // as any uncaught error: an 'uncaughtException' listener takes it, else it ends the run
        reportUncaught(e, false);
      }
    }
    flushReport();
    return process.exitCode === undefined ? code : (Number(process.exitCode) | 0);
  }
  // The runner of 'exit' listeners at the loop's end: node's frame in RUNNER_FRAMES (errors.js).
  function __emitExit(code) { process.emit('exit', code); }
  function beforeExit() {
    if (process.listenerCount('beforeExit') === 0) return;
    __emitBeforeExit(process.exitCode === undefined ? 0 : process.exitCode);
  }
  // The runner of 'beforeExit' listeners: node's frame in RUNNER_FRAMES (errors.js).
  function __emitBeforeExit(code) { process.emit('beforeExit', code); }
  function exitCode() { return process.exitCode === undefined ? 0 : (Number(process.exitCode) | 0); }
