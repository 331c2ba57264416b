// path.js: require('path') (posix only), a port of node's lib/path.js.
//
// HOW: pure string work; path.resolve starts from the process's working directory (`mn.cwd`).
// WHY: scripts build file names for fs and require with it.
//
// Bridge names: cwd, in BRIDGE in src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- path (posix)
  function normalizeString(path, allowAboveRoot) {
    let res = '';
    let lastSegmentLength = 0;
    let lastSlash = -1;
    let dots = 0;
    let code = 0;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path.charCodeAt(i);
      else if (code === 47) break;
      else code = 47;
      if (code === 47) {
        if (lastSlash === i - 1 || dots === 1) {
          // nothing
        } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const lastSlashIndex = res.lastIndexOf('/');
              if (lastSlashIndex === -1) { res = ''; lastSegmentLength = 0; }
              else { res = res.slice(0, lastSlashIndex); lastSegmentLength = res.length - 1 - res.lastIndexOf('/'); }
              lastSlash = i; dots = 0; continue;
            } else if (res.length !== 0) {
              res = ''; lastSegmentLength = 0; lastSlash = i; dots = 0; continue;
            }
          }
          if (allowAboveRoot) { res += res.length > 0 ? '/..' : '..'; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += '/' + path.slice(lastSlash + 1, i);
          else res = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i; dots = 0;
      } else if (code === 46 && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return res;
  }
  const path = {
    sep: '/', delimiter: ':',
    normalize(p) {
      if (p.length === 0) return '.';
      const isAbs = p.charCodeAt(0) === 47;
      const trailing = p.charCodeAt(p.length - 1) === 47;
      p = normalizeString(p, !isAbs);
      if (p.length === 0) { if (isAbs) return '/'; return trailing ? './' : '.'; }
      if (trailing) p += '/';
      return isAbs ? `/${p}` : p;
    },
    isAbsolute(p) { return p.length > 0 && p.charCodeAt(0) === 47; },
    join(...args) {
      if (args.length === 0) return '.';
      const parts = args.filter((a) => { if (typeof a !== 'string') throw invalidArgType('path', 'string', a); return a.length > 0; });
      if (parts.length === 0) return '.';
      return path.normalize(parts.join('/'));
    },
    resolve(...args) {
      let resolvedPath = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
        const p = i >= 0 ? args[i] : mn.cwd();
        if (typeof p !== 'string') throw invalidArgType('paths[' + i + ']', 'string', p);
        if (p.length === 0) continue;
        resolvedPath = `${p}/${resolvedPath}`;
        resolvedAbsolute = p.charCodeAt(0) === 47;
      }
      resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute);
      if (resolvedAbsolute) return `/${resolvedPath}`;
      return resolvedPath.length > 0 ? resolvedPath : '.';
    },
    relative(from, to) {
      from = path.resolve(from); to = path.resolve(to);
      if (from === to) return '';
      const f = from.split('/').filter(Boolean), t = to.split('/').filter(Boolean);
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
    },
    dirname(p) {
      if (p.length === 0) return '.';
      const hasRoot = p.charCodeAt(0) === 47;
      let end = -1;
      let matchedSlash = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { end = i; break; } } else matchedSlash = false;
      }
      if (end === -1) return hasRoot ? '/' : '.';
      if (hasRoot && end === 1) return '//';
      return p.slice(0, end);
    },
    basename(p, ext) {
      let s = p.replace(/\/+$/, '');
      s = s.slice(s.lastIndexOf('/') + 1);
      if (ext !== undefined && s.endsWith(ext) && s !== ext) s = s.slice(0, s.length - ext.length);
      return s;
    },
    extname(p) {
      const b = path.basename(p);
      const i = b.lastIndexOf('.');
      if (i <= 0) return '';
      return b.slice(i);
    },
    parse(p) {
      const root = p.startsWith('/') ? '/' : '';
      const base = path.basename(p);
      const ext = path.extname(p);
      let dir = path.dirname(p);
      if (dir === '.' && !p.includes('/')) dir = '';
      return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
    },
    format(o) {
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ''}${o.ext || ''}`;
      if (!dir) return base;
      return dir === o.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    toNamespacedPath(p) { return p; },
  };
  path.posix = path;
