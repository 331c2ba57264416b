// child_process.js: require('child_process'): fork, spawn, exec, execFile and their Sync forms,
// ported from node v20's lib/child_process.js, and process.kill.
//
// HOW: the argument checks and errors are node's; a child is a ChildProcess
// (child_process_internal.js) whose spawn Rust does (`mn.cpSpawn`); the Sync forms block in Rust
// (`mn.cpSpawnSync`) until the child ends, feeding its stdin and capturing its output. A forked
// mini-node child runs `<this binary> <module>` (`mn.execPath`, the binary itself, which runs a
// file given first, as node does); with `execPath: 'node'` real node runs it.
// WHY: a course forks and spawns with node's API; mini-node runs the same calls on real
// processes, so `ps` shows them and the notes' programs run as written.
//
// Shared with Rust: the spawnSync options and result *Must* match cp_spawn_sync in
// src/eventloop/host/child_process.rs.
// Bridge names: execPath, cpSpawnSync, errname, kill, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- child_process
  // Linux's signal numbers (os.constants.signals).
  const CP_SIGNALS = {
    __proto__: null, SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6,
    SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13,
    SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20,
    SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27,
    SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };
  const UV_EACCES = -13, UV_EAGAIN = -11, UV_EMFILE = -24, UV_ENFILE = -23, UV_ENOENT = -2;
  const UV_ESRCH = -3, UV_EINVAL = -22, UV_ENOSYS = -38;
  const CP_MAX_BUFFER = 1024 * 1024;
  const MAX_HANDLE_RETRANSMISSIONS = 3;
  const kChannelHandle = Symbol('kChannelHandle');
  const kPendingMessages = Symbol('kPendingMessages');
  const cpNop = () => {};

  function convertToValidSignal(signal) {
    if (typeof signal === 'number' && Object.values(CP_SIGNALS).includes(signal)) return signal;
    if (typeof signal === 'string') {
      const n = CP_SIGNALS[signal.toUpperCase()];
      if (n) return n;
    }
    throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  }
  // node's errnoException: `${syscall} ${code}`, with errno, code and syscall.
  function errnoException(err, syscall, original) {
    const code = mn.errname(err)[1];
    const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
    const ex = new Error(message);
    ex.errno = err;
    ex.code = code;
    ex.syscall = syscall;
    return ex;
  }
  function cpInvalidArgValue(name, value, reason = 'is invalid') {
    const type = name.includes('.') ? 'property' : 'argument';
    return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${inspect(value)}`);
  }
  // node's ERR_INVALID_ARG_TYPE: `expected` a type, a class or a list of them, worded as node's.
  function cpArgType(name, expected, value) {
    if (!Array.isArray(expected)) expected = [expected];
    const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
    let msg = 'The ';
    if (name.endsWith(' argument')) msg += `${name} `;
    else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
    msg += 'must be ';
    const types = [];
    const instances = [];
    const other = [];
    for (const v of expected) {
      if (kTypes.includes(v)) types.push(v.toLowerCase());
      else if (/^([A-Z][a-z0-9]*)+$/.test(v)) instances.push(v);
      else other.push(v);
    }
    if (instances.length > 0) {
      const pos = types.indexOf('object');
      if (pos !== -1) { types.splice(pos, 1); instances.push('Object'); }
    }
    const list = (xs) => (xs.length > 2 ? `${xs.slice(0, -1).join(', ')}, or ${xs[xs.length - 1]}` : xs.join(' or '));
    if (types.length > 0) {
      msg += types.length > 1 ? `one of type ${list(types)}` : `of type ${types[0]}`;
      if (instances.length > 0 || other.length > 0) msg += ' or ';
    }
    if (instances.length > 0) {
      msg += `an instance of ${list(instances)}`;
      if (other.length > 0) msg += ' or ';
    }
    if (other.length > 0) {
      if (other.length > 1) msg += `one of ${list(other)}`;
      else {
        if (other[0].toLowerCase() !== other[0]) msg += 'an ';
        msg += other[0];
      }
    }
    const plain = invalidArgType(name, 'x', value).message;
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', msg + plain.slice(plain.indexOf('. Received')));
  }
  function validateObjectArg(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw cpArgType(name, 'object', value);
  }
  function validateStringArg(value, name) {
    if (typeof value !== 'string') throw cpArgType(name, 'string', value);
  }
  function validateArrayArg(value, name) {
    if (!Array.isArray(value)) throw cpArgType(name, 'Array', value);
  }
  function validateArgumentNullCheck(arg, propName) {
    if (typeof arg === 'string' && arg.includes('\u0000')) {
      throw cpInvalidArgValue(propName, arg, 'must be a string without null bytes');
    }
  }
  function validateArgumentsNullCheck(args, propName) {
    for (let i = 0; i < args.length; ++i) validateArgumentNullCheck(args[i], `${propName}[${i}]`);
  }
  function validateTimeout(timeout) {
    if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
      throw outOfRange('timeout', 'an unsigned integer', timeout);
    }
  }
  function validateMaxBuffer(maxBuffer) {
    if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
      throw outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
    }
  }
  function sanitizeKillSignal(killSignal) {
    if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
    if (killSignal != null) throw cpArgType('options.killSignal', ['string', 'number'], killSignal);
  }

  // ---- fork, spawn, exec, execFile
  function fork(modulePath, args = [], options) {
    modulePath = checkPath(modulePath, 'modulePath');
    let execArgv;
    if (args == null) {
      args = [];
    } else if (typeof args === 'object' && !Array.isArray(args)) {
      options = args;
      args = [];
    } else {
      validateArrayArg(args, 'args');
    }
    if (options != null) validateObjectArg(options, 'options');
    options = { __proto__: null, ...options, shell: false };
    // node's default is process.execPath: while it is mini-node's stand-in for node's path
    // (process.js), that is this binary; a script may set it, as in node, to fork another
    options.execPath = options.execPath || (process.execPath === NODE_EXEC_PATH ? mn.execPath : process.execPath);
    validateArgumentNullCheck(options.execPath, 'options.execPath');
    execArgv = options.execArgv || process.execArgv;
    validateArgumentsNullCheck(execArgv, 'options.execArgv');
    // `<binary> FILE.js`, as node starts its children (mini-node runs a file given first)
    args = [...execArgv, modulePath, ...args];
    if (typeof options.stdio === 'string') {
      options.stdio = stdioStringToArray(options.stdio, 'ipc');
    } else if (!Array.isArray(options.stdio)) {
      options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
    } else if (!options.stdio.includes('ipc')) {
      throw nodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
    }
    return spawn(options.execPath, args, options);
  }
  function normalizeSpawnArguments(file, args, options) {
    validateStringArg(file, 'file');
    validateArgumentNullCheck(file, 'file');
    if (file.length === 0) throw cpInvalidArgValue('file', file, 'cannot be empty');
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args == null) {
      args = [];
    } else if (typeof args !== 'object') {
      throw cpArgType('args', 'object', args);
    } else {
      options = args;
      args = [];
    }
    validateArgumentsNullCheck(args, 'args');
    if (options === undefined) options = {};
    else validateObjectArg(options, 'options');
    options = { __proto__: null, ...options };
    let cwd = options.cwd;
    if (cwd != null) cwd = checkPath(cwd, 'options.cwd');
    if (options.detached != null && typeof options.detached !== 'boolean') throw cpArgType('options.detached', 'boolean', options.detached);
    if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
      throw cpArgType('options.shell', ['boolean', 'string'], options.shell);
    }
    if (options.argv0 != null) {
      validateStringArg(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    if (options.shell) {
      validateArgumentNullCheck(options.shell, 'options.shell');
      const command = [file, ...args].join(' ');
      file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
      args = ['-c', command];
    }
    if (typeof options.argv0 === 'string') args.unshift(options.argv0);
    else args.unshift(file);
    const env = options.env || process.env;
    const envPairs = [];
    for (const key in env) {
      const value = env[key];
      if (value !== undefined) {
        validateArgumentNullCheck(key, `options.env['${key}']`);
        validateArgumentNullCheck(value, `options.env['${key}']`);
        envPairs.push(`${key}=${value}`);
      }
    }
    return { __proto__: null, ...options, args, cwd, detached: !!options.detached, envPairs, file };
  }
  function spawn(file, args, options) {
    options = normalizeSpawnArguments(file, args, options);
    validateTimeout(options.timeout);
    const killSignal = sanitizeKillSignal(options.killSignal);
    const child = new ChildProcess();
    child.spawn(options);
    if (options.timeout > 0) {
      let timeoutId = setTimeout(() => {
        if (timeoutId) {
          try {
            child.kill(killSignal);
          } catch (err) {
            child.emit('error', err);
          }
          timeoutId = null;
        }
      }, options.timeout);
      child.once('exit', () => {
        if (timeoutId) {
          clearTimeout(timeoutId);
          timeoutId = null;
        }
      });
    }
    if (options.signal) {
      const signal = options.signal;
      const onAbort = () => {
        try {
          if (child.kill(killSignal)) child.emit('error', cpAbortError(signal.reason));
        } catch (err) {
          child.emit('error', err);
        }
      };
      if (signal.aborted) nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return child;
  }
  // node's AbortError (lib/internal/errors.js).
  function cpAbortError(cause) {
    const e = new Error('The operation was aborted', cause === undefined ? undefined : { cause });
    e.code = 'ABORT_ERR';
    e.name = 'AbortError';
    return e;
  }
  function normalizeExecArgs(command, options, callback) {
    validateStringArg(command, 'command');
    validateArgumentNullCheck(command, 'command');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    options = { __proto__: null, ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }
  function exec(command, options, callback) {
    const opts = normalizeExecArgs(command, options, callback);
    return childProcessModule.execFile(opts.file, opts.options, opts.callback);
  }
  function normalizeExecFileArgs(file, args, options, callback) {
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args != null && typeof args === 'object') {
      callback = options;
      options = args;
      args = null;
    } else if (typeof args === 'function') {
      callback = args;
      options = null;
      args = null;
    }
    if (args == null) args = [];
    if (typeof options === 'function') callback = options;
    else if (options != null) validateObjectArg(options, 'options');
    if (options == null) options = {};
    if (callback != null) validateFunction(callback, 'callback');
    if (options.argv0 != null) {
      validateStringArg(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    return { file, args, options, callback };
  }
  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = {
      __proto__: null, encoding: 'utf8', timeout: 0, maxBuffer: CP_MAX_BUFFER, killSignal: 'SIGTERM',
      cwd: null, env: null, shell: false, ...options,
    };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    const child = spawn(file, args, {
      cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal, uid: options.uid,
    });
    let encoding;
    const _stdout = [];
    const _stderr = [];
    if (options.encoding !== 'buffer' && BufferFn.isEncoding(options.encoding)) encoding = options.encoding;
    else encoding = null;
    let stdoutLen = 0;
    let stderrLen = 0;
    let killed = false;
    let exited = false;
    let timeoutId;
    let ex = null;
    let cmd = file;
    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
      if (!callback) return;
      let stdout;
      let stderr;
      if (encoding || (child.stdout && child.stdout.readableEncoding)) stdout = _stdout.join('');
      else stdout = BufferFn.concat(_stdout);
      if (encoding || (child.stderr && child.stderr.readableEncoding)) stderr = _stderr.join('');
      else stderr = BufferFn.concat(_stderr);
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args && args.length) cmd += ` ${args.join(' ')}`;
      if (!ex) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code < 0 ? mn.errname(code)[1] : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }
    function errorhandler(e) {
      ex = e;
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      exithandler();
    }
    function kill() {
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
        exithandler();
      }
    }
    if (options.timeout > 0) {
      timeoutId = setTimeout(function delayedKill() {
        kill();
        timeoutId = null;
      }, options.timeout);
    }
    const collect = (stream, chunks, which) => {
      if (encoding) stream.setEncoding(encoding);
      let len = 0;
      stream.on('data', (chunk) => {
        if (options.maxBuffer === Infinity) {
          chunks.push(chunk);
          return;
        }
        const enc = stream.readableEncoding;
        const length = enc ? BufferFn.byteLength(chunk, enc) : chunk.length;
        len += length;
        if (len > options.maxBuffer) {
          const truncatedLen = options.maxBuffer - (len - length);
          chunks.push(chunk.slice(0, truncatedLen));
          ex = nodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${which} maxBuffer length exceeded`);
          kill();
        } else {
          chunks.push(chunk);
        }
      });
    };
    if (child.stdout) collect(child.stdout, _stdout, 'stdout');
    if (child.stderr) collect(child.stderr, _stderr, 'stderr');
    void stdoutLen; void stderrLen;
    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }
  function cpCustomPromise(orig) {
    return (...args) => {
      let resolve, reject;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      promise.child = orig(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
      return promise;
    };
  }

  // ---- the Sync forms
  function spawnSync(file, args, options) {
    options = { __proto__: null, maxBuffer: CP_MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;
    let input;
    if (options.input) input = options.input;
    const stdin = options.stdio[0];
    if (input != null) {
      if (typeof input === 'string') input = BufferFn.from(input, options.encoding);
      else if (!ArrayBuffer.isView(input)) throw cpArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    const r = mn.cpSpawnSync({
      file: options.file, args: options.args, envPairs: options.envPairs, cwd: options.cwd == null ? null : options.cwd,
      stdio: options.stdio.map((s, i) => (s.type === 'pipe' ? ['pipe', i] : (s.type === 'inherit' || s.type === 'fd') ? ['fd', s.fd] : ['ignore'])),
      input: input != null && stdin.type === 'pipe' ? bytesOf(input) : undefined,
      timeout: options.timeout || 0,
      maxBuffer: options.maxBuffer == null ? Infinity : options.maxBuffer,
      killSignal: options.killSignal,
    });
    const result = { status: r.status, signal: r.signal, output: null, pid: r.pid, stdout: null, stderr: null };
    if (r.output) {
      result.output = r.output.map((o) => (o == null ? null : toBuffer(o)));
      if (options.encoding && options.encoding !== 'buffer') {
        for (let i = 0; i < result.output.length; i++) {
          if (result.output[i]) result.output[i] = result.output[i].toString(options.encoding);
        }
      }
      result.stdout = result.output[1];
      result.stderr = result.output[2];
    }
    if (r.error !== undefined) {
      result.error = errnoException(r.error, 'spawnSync ' + options.file);
      result.error.path = options.file;
      result.error.spawnargs = options.args.slice(1);
    }
    if (result.stdout === undefined) result.stdout = null;
    if (result.stderr === undefined) result.stderr = null;
    return {
      status: result.status, signal: result.signal, output: result.output, pid: result.pid,
      stdout: result.stdout, stderr: result.stderr, ...(result.error ? { error: result.error } : {}),
    };
  }
  function checkExecSyncError(ret, args, cmd) {
    let err;
    if (ret.error) {
      err = ret.error;
      Object.assign(err, ret);
    } else if (ret.status !== 0) {
      let msg = 'Command failed: ';
      msg += cmd || args.join(' ');
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      err = new Error(msg);
      Object.assign(err, ret);
    }
    return err;
  }
  function execFileSync(file, args, options) {
    ({ file, args, options } = normalizeExecFileArgs(file, args, options));
    const inheritStderr = !options.stdio;
    const ret = spawnSync(file, args, options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const errArgs = [options.argv0 || file, ...args];
    const err = checkExecSyncError(ret, errArgs);
    if (err) throw err;
    return ret.stdout;
  }
  function execSync(command, options) {
    const opts = normalizeExecArgs(command, options, null);
    const inheritStderr = !opts.options.stdio;
    const ret = spawnSync(opts.file, opts.options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const err = checkExecSyncError(ret, undefined, command);
    if (err) throw err;
    return ret.stdout;
  }
  Object.defineProperty(exec, promisify.custom, { __proto__: null, enumerable: false, value: cpCustomPromise(exec) });
  Object.defineProperty(execFile, promisify.custom, { __proto__: null, enumerable: false, value: cpCustomPromise(execFile) });

  const childProcessModule = {
    _forkChild: cpForkChild, ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync,
  };

  // process.kill(pid[, signal]) and process's IPC members outside a child
  process.kill = function kill(pid, sig) {
    if (pid != (pid | 0)) throw cpArgType('pid', 'number', pid);
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    const err = mn.kill(pid, signal);
    if (err) throw errnoException(err, 'kill');
    return true;
  };
