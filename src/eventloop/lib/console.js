// console.js: the console object (log, error, warn, info, debug, dir, table-less basics, group,
// count, time).
//
// HOW: each method formats its arguments with util.format (inspect.js) and hands the text to
// `mn.write(stream, text)`; the scheduler records it as a Write event or prints it.
// WHY: writing through Rust keeps stdout and stderr in the order the loop produced them.
//
// Shared with Rust: streams are numbers, 1 stdout and 2 stderr (*Must* match quickjs::write_fn
// in src/eventloop/quickjs.rs, which reads 2 as Stream::Stderr and anything else as stdout);
// `mn.now()` is the loop's clock in ms
// (console.time). Bridge names: write, now, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- console
  let groupIndent = '';
  function writeOut(stream, text) { mn.write(stream, text); }
  function logTo(stream) {
    return function (...args) {
      let s = formatWithOptions(undefined, args);
      if (groupIndent) s = groupIndent + s.split('\n').join('\n' + groupIndent);
      writeOut(stream, s + '\n');
    };
  }
  const counts = new Map();
  const timersLabel = new Map();
  const console = {
    log: logTo(1), info: logTo(1), debug: logTo(1), warn: logTo(2), error: logTo(2), trace: logTo(2),
    dir(obj, opts) { writeOut(1, groupIndent + inspect(obj, opts) + '\n'); },
    group(...label) { if (label.length) console.log(...label); groupIndent += '  '; },
    groupEnd() { groupIndent = groupIndent.slice(2); },
    count(label = 'default') { const n = (counts.get(label) || 0) + 1; counts.set(label, n); console.log(`${label}: ${n}`); },
    countReset(label = 'default') { counts.delete(label); },
    time(label = 'default') { timersLabel.set(label, mn.now()); },
    timeEnd(label = 'default') {
      const t = timersLabel.get(label);
      if (t === undefined) return;
      timersLabel.delete(label);
      console.log(`${label}: ${fmtMs(mn.now() - t)}`);
    },
    timeLog(label = 'default', ...rest) {
      const t = timersLabel.get(label);
      if (t !== undefined) console.log(`${label}: ${fmtMs(mn.now() - t)}`, ...rest);
    },
    assert(ok, ...rest) { if (!ok) console.error(rest.length ? 'Assertion failed: ' + format(...rest) : 'Assertion failed'); },
    table(data) { console.log(data); },
  };
  console.groupCollapsed = console.group;
  function fmtMs(ms) { return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`; }
