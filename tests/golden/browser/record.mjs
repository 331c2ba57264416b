// Records the expected console text of each browser snippet with real headless Chromium.
//
// For every NAME.js given (default: all in this folder) it opens a page that loads the snippet as a
// classic <script>, lets virtual time run (Emulation.setVirtualTimePolicy, the mechanism behind
// --virtual-time-budget; a snippet that uses requestAnimationFrame runs 1.5 s of real time instead,
// because frames follow the compositor's real clock), and collects what the DevTools console would
// show, in order:
// Runtime.consoleAPICalled (console.log/info/warn/error/debug) and Runtime.exceptionThrown
// ("Uncaught Error: boom"). It talks to Chromium over --remote-debugging-pipe (fd 3 in, fd 4 out),
// so it needs nothing but node and chromium.
//
// The text of each console line follows the DevTools console's collapsed view, built from the
// RemoteObject previews V8 sends (see docs/browser.md, "Console text"):
//   strings bare at top level, quoted 'x' inside objects; numbers as V8 prints them (-0, NaN, 1e+21);
//   arrays `(3) [1, 2, 3]` (empty: `[]`); objects `{a: 1, b: 'x'}`; nested objects `{…}`, nested
//   arrays `Array(2)`; more than 5 properties (100 array items) end in `…`; class instances
//   `Foo {x: 1}`; format directives %s %d %i %f %o %O %c in a first string argument.
//   An uncaught exception prints `Uncaught ` + the first line of its description (no stack), or
//   `Uncaught ` + the value for a thrown non-Error (`Uncaught just a string`), as Chromium's own
//   console message text says it.
//
// Usage: node record.mjs [--runs N] [--check DIR | --write | --distinct] [NAME | PATH.js ...]
//   --write       write NAME.out beside NAME.js (the default)
//   --check DIR   write the recordings into DIR and compare them with the stored NAME.out
//   --runs N      record each snippet N times; a snippet whose text differs between runs is unstable
//                 (reported, nothing written for it, exit 1)
//   --distinct    print, for each snippet, one JSON line {"name", "outputs"} with the distinct
//                 outputs seen over the runs (for racy snippets: the orders a browser produces)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BUDGET_MS = 5000; // virtual milliseconds each page may run
const REALTIME_MS = 1500; // real milliseconds a page with animation frames may run

function parseArgs(argv) {
  const opts = { runs: 1, check: null, distinct: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--check') opts.check = argv[++i];
    else if (a === '--write') opts.check = null;
    else if (a === '--distinct') opts.distinct = true;
    else opts.names.push(a.includes('/') ? path.resolve(a) : a.replace(/\.js$/, ''));
  }
  if (!opts.names.length) {
    opts.names = fs.readdirSync(here).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  }
  return opts;
}

// ---- a minimal CDP client over --remote-debugging-pipe ----
class Browser {
  constructor() {
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-node-chromium-'));
    this.proc = spawn(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--allow-file-access-from-files', `--user-data-dir=${this.profile}`,
      '--remote-debugging-pipe', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    let buf = Buffer.alloc(0);
    this.proc.stdio[4].on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      let nul;
      while ((nul = buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(buf.subarray(0, nul).toString('utf8'));
        buf = buf.subarray(nul + 1);
        if (msg.id && this.pending.has(msg.id)) {
          const { resolve, reject } = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) reject(new Error(JSON.stringify(msg.error)));
          else resolve(msg.result);
        } else {
          for (const l of this.listeners) l(msg);
        }
      }
    });
  }
  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    this.proc.stdio[3].write(JSON.stringify(msg) + '\0');
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  async close() {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    this.send('Browser.close').catch(() => {});
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

// ---- the DevTools console's collapsed text ----
function quote(s) {
  return `'${s}'`;
}
function isIdent(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || /^(0|[1-9][0-9]*)$/.test(name);
}
function key(name) {
  return isIdent(name) ? name : quote(name);
}

// A value inside a preview (one level down): strings quoted, objects abbreviated.
function previewValue(p) {
  switch (p.type) {
    case 'string': return quote(p.value);
    case 'object':
      if (p.subtype === 'null') return 'null';
      if (p.subtype === 'array') return p.value; // "Array(2)"
      if (p.value === 'Object') return '{…}';
      return p.value; // class name
    case 'function': return 'ƒ';
    case 'accessor': return '(...)';
    default: return p.value; // number, boolean, undefined, symbol, bigint
  }
}

function formatPreview(preview, remote) {
  if (preview.subtype === 'array') {
    const m = /^Array\((\d+)\)$/.exec(remote.description || '');
    const len = m ? Number(m[1]) : preview.properties.length;
    const items = preview.properties.map((p) => (/^\d+$/.test(p.name) ? previewValue(p) : `${key(p.name)}: ${previewValue(p)}`));
    if (preview.overflow) items.push('…');
    if (len === 0 && items.length === 0) return '[]';
    return `(${len}) [${items.join(', ')}]`;
  }
  const items = preview.properties.map((p) => `${key(p.name)}: ${previewValue(p)}`);
  if (preview.overflow) items.push('…');
  const body = `{${items.join(', ')}}`;
  const cls = remote.className || 'Object';
  return cls === 'Object' ? body : `${cls} ${body}`;
}

function formatValue(r) {
  switch (r.type) {
    case 'string': return r.value;
    case 'number': return r.unserializableValue ?? r.description ?? String(r.value);
    case 'bigint': return r.unserializableValue ?? r.description;
    case 'boolean': return String(r.value);
    case 'undefined': return 'undefined';
    case 'symbol': return r.description;
    case 'function': return `ƒ ${r.description.replace(/^function\s*/, '')}`;
    case 'object':
      if (r.subtype === 'null') return 'null';
      if (r.subtype === 'error') return r.description.split('\n')[0];
      if (r.preview) return formatPreview(r.preview, r);
      return r.description;
    default: return r.description ?? String(r.value);
  }
}

// %s %d %i %f %o %O %c in a first string argument, as the console applies them.
function formatArgs(args) {
  const out = [];
  let rest = args;
  if (args.length && args[0].type === 'string' && args[0].value.includes('%')) {
    let i = 1;
    const text = args[0].value.replace(/%([sdifoOc%])/g, (all, d) => {
      if (d === '%') return '%';
      if (i >= args.length) return all;
      const a = args[i++];
      switch (d) {
        case 's': return a.type === 'string' ? a.value : formatValue(a);
        case 'd': case 'i': {
          const n = a.type === 'number' ? a.value : NaN;
          return typeof n === 'number' && Number.isFinite(n) ? String(Math.trunc(n)) : 'NaN';
        }
        case 'f': return a.type === 'number' ? formatValue(a) : 'NaN';
        case 'c': return '';
        default: return formatValue(a);
      }
    });
    out.push(text);
    rest = args.slice(i);
  }
  for (const a of rest) out.push(formatValue(a));
  return out.join(' ');
}

function formatException(details) {
  const ex = details.exception;
  const head = details.text || 'Uncaught';
  if (!ex) return head;
  const body = ex.subtype === 'error' ? ex.description.split('\n')[0] : formatValue(ex);
  return `${head} ${body}`;
}

async function record(browser, name, workdir) {
  const snippet = path.isAbsolute(name) ? name : path.join(here, `${name}.js`);
  name = path.basename(snippet, '.js');
  const page = path.join(workdir, `${name}.html`);
  fs.writeFileSync(page, `<!doctype html>\n<html><head><meta charset="utf-8"></head><body>\n<script src="${pathToFileURL(snippet).href}"></script>\n</body></html>\n`);
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const lines = [];
  let expired;
  const done = new Promise((resolve) => { expired = resolve; });
  const listener = (msg) => {
    if (msg.sessionId !== sessionId) return;
    if (msg.method === 'Runtime.consoleAPICalled') {
      const text = formatArgs(msg.params.args);
      for (const l of text.split('\n')) lines.push(l);
    } else if (msg.method === 'Runtime.exceptionThrown') {
      lines.push(formatException(msg.params.exceptionDetails));
    } else if (msg.method === 'Emulation.virtualTimeBudgetExpired') {
      expired();
    }
  };
  browser.listeners.push(listener);
  await browser.send('Runtime.enable', {}, sessionId);
  await browser.send('Page.enable', {}, sessionId);
  // Frames (requestAnimationFrame) follow the compositor's real clock, which virtual time does not
  // drive: a page that asks for frames runs in real time for REALTIME_MS instead.
  const realtime = fs.readFileSync(snippet, 'utf8').includes('requestAnimationFrame');
  let timer;
  if (realtime) {
    await browser.send('Page.navigate', { url: pathToFileURL(page).href }, sessionId);
    timer = setTimeout(() => expired('realtime'), REALTIME_MS);
  } else {
    await browser.send('Emulation.setVirtualTimePolicy', { policy: 'pause' }, sessionId);
    await browser.send('Page.navigate', { url: pathToFileURL(page).href }, sessionId);
    await browser.send('Emulation.setVirtualTimePolicy', { policy: 'pauseIfNetworkFetchesPending', budget: BUDGET_MS }, sessionId);
    timer = setTimeout(() => expired('timeout'), 60000);
  }
  const why = await done;
  clearTimeout(timer);
  browser.listeners.splice(browser.listeners.indexOf(listener), 1);
  await browser.send('Target.closeTarget', { targetId });
  if (why === 'timeout') throw new Error(`${name}: virtual time budget never expired (real-time limit 60 s)`);
  return lines.map((l) => l + '\n').join('');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`record: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
    process.exit(3);
  }
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-node-pages-'));
  const browser = new Browser();
  let failed = 0;
  try {
    for (const name of opts.names) {
      const texts = [];
      for (let r = 0; r < opts.runs; r++) texts.push(await record(browser, name, workdir));
      if (opts.distinct) {
        console.log(JSON.stringify({ name: path.basename(name, '.js'), outputs: [...new Set(texts)] }));
        continue;
      }
      const unstable = texts.some((t) => t !== texts[0]);
      if (unstable) {
        failed++;
        console.error(`UNSTABLE ${name}: ${new Set(texts).size} different outputs over ${opts.runs} runs`);
        for (const t of new Set(texts)) console.error('--- one of them:\n' + t);
        continue;
      }
      if (opts.check) {
        fs.writeFileSync(path.join(opts.check, `${name}.out`), texts[0]);
        const stored = fs.existsSync(path.join(here, `${name}.out`)) ? fs.readFileSync(path.join(here, `${name}.out`), 'utf8') : null;
        if (stored !== texts[0]) {
          failed++;
          console.error(`DIFFERS ${name}:\n--- stored\n${stored}--- chromium now\n${texts[0]}`);
        } else console.log(`ok ${name}`);
      } else {
        fs.writeFileSync(path.join(here, `${name}.out`), texts[0]);
        console.log(`recorded ${name} (${texts[0].split('\n').length - 1} lines${opts.runs > 1 ? `, stable over ${opts.runs} runs` : ''})`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(workdir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(`record: ${e.message}`); process.exit(1); });
