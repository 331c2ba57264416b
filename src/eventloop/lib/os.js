// os.js: require('os'), read from the machine by Rust.
//
// HOW: each property or function asks the bridge (`mn.cpus()`, `mn.totalmem()` ...) or reads a
// value it was given (`mn.platform`, `mn.arch`, in node's names: x64, arm64).
// WHY: /proc and the environment are Rust's to read.
//
// Bridge names: platform, arch, env, tmpdir, homedir, hostname, osRelease, cpus, totalmem,
// freemem, osUptime, in BRIDGE in src/eventloop/host/bridge.rs (their native half:
// src/eventloop/host/os.rs).

  // ---------------------------------------------------------------- os
  const os = {
    EOL: '\n',
    constants: { signals: signalNumbers },
    tmpdir: () => mn.tmpdir(),
    homedir: () => mn.homedir(),
    hostname: () => mn.hostname(),
    platform: () => mn.platform,
    type: () => 'Linux',
    arch: () => mn.arch,
    release: () => mn.osRelease(),
    endianness: () => 'LE',
    cpus: () => {
      const n = mn.cpus();
      const out = [];
      for (let i = 0; i < n; i++) out.push({ model: 'cpu', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } });
      return out;
    },
    availableParallelism: () => mn.cpus(),
    totalmem: () => mn.totalmem(),
    freemem: () => mn.freemem(),
    uptime: () => mn.osUptime(),
    loadavg: () => [0, 0, 0],
    userInfo: () => ({ username: mn.env().USER || 'root', homedir: mn.homedir(), shell: mn.env().SHELL || null, uid: 0, gid: 0 }),
    networkInterfaces: () => ({}),
  };
