// cluster.js: require('cluster'), ported from node v20's lib/cluster.js and
// lib/internal/cluster/{primary,child,worker,utils,round_robin_handle,shared_handle}.js.
//
// HOW: a worker is a forked child (`fork(process.argv[1])` with NODE_UNIQUE_ID=id); the
// primary and its workers speak node's internal protocol over the IPC channel: messages
// `{ cmd: 'NODE_CLUSTER', act, seq }` ('online', 'queryServer', 'listening', 'close',
// 'exitedAfterDisconnect', 'disconnect', 'newconn') and replies `{ ack: seq }`, so a node primary
// runs mini-node workers and the reverse. A worker's `server.listen()` asks the primary
// (net's `netHooks.clusterListen` -> `_getServer` -> 'queryServer'): under SCHED_RR (the default
// on Linux) the primary listens (`mn.tcpListen`, connections posted as raw descriptors) and
// hands each connection to a worker as a 'newconn' message with the descriptor beside it
// (`server._adoptConnection(fd)` in the worker); under SCHED_NONE it binds a socket
// (`mn.clusterBind`) and sends the listening descriptor itself, on which each worker accepts
// (`server._listenFd(fd)`). NODE_CLUSTER_SCHED_POLICY ('rr' | 'none') picks the policy, as in
// node. A worker sets itself up before the main script (globals.js: `clusterSetupWorker`), as
// node's pre-execution does, and says 'online'.
// WHY: the notes' cluster.js runs as written, and a student can watch node's protocol at work.
//
// Shared with lib/net.js and lib/child_process*.js (one scope): `netHooks`, `CpRawHandle`,
// `fork`. Bridge names: tcpListen, tcpAddress, clusterBind, in BRIDGE in
// src/eventloop/host/bridge.rs.

  // ---------------------------------------------------------------- cluster
  const SCHED_NONE = 1;
  const SCHED_RR = 2;

  // ---- internal/cluster/worker.js: what the primary and a worker share (node's Worker)
  // named Worker, as node's (console.log shows `Worker {`), bound to a name of its own here
  const ClusterWorker = function Worker(options) {
    if (!(this instanceof ClusterWorker)) return new ClusterWorker(options);
    EventEmitter.call(this);
    if (options === null || typeof options !== 'object') options = {};
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (code, signal) => this.emit('error', code, signal));
      this.process.on('message', (message, handle) => this.emit('message', message, handle));
    }
  };
  Object.setPrototypeOf(ClusterWorker.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(ClusterWorker, EventEmitter);
  ClusterWorker.prototype.kill = function () { Reflect.apply(this.destroy, this, arguments); };
  ClusterWorker.prototype.send = function () { return Reflect.apply(this.process.send, this.process, arguments); };
  ClusterWorker.prototype.isDead = function () { return this.process.exitCode != null || this.process.signalCode != null; };
  ClusterWorker.prototype.isConnected = function () { return this.process.connected; };

  // ---- internal/cluster/utils.js: numbered internal messages and their replies
  const clusterCallbacks = new Map();
  let clusterSeq = 0;
  function sendHelper(proc, message, handle, cb) {
    if (!proc.connected) return false;
    message = { cmd: 'NODE_CLUSTER', ...message, seq: clusterSeq };
    if (typeof cb === 'function') clusterCallbacks.set(clusterSeq, cb);
    clusterSeq += 1;
    return proc.send(message, handle);
  }
  function clusterInternal(worker, cb) {
    return function onInternalMessage(message, handle) {
      if (message.cmd !== 'NODE_CLUSTER') return;
      let fn = cb;
      if (message.ack !== undefined) {
        const callback = clusterCallbacks.get(message.ack);
        if (callback !== undefined) {
          fn = callback;
          clusterCallbacks.delete(message.ack);
        }
      }
      Reflect.apply(fn, worker, arguments);
    };
  }

  // ---- the module: the primary's or a worker's, chosen once as node does
  const clusterModule = lazyLib(() => ('NODE_UNIQUE_ID' in process.env ? clusterChild() : clusterPrimary()));

  // ---- internal/cluster/primary.js
  function clusterPrimary() {
    const cluster = new EventEmitter();
    const intercom = new EventEmitter();
    const handles = new Map();
    cluster.isWorker = false;
    cluster.isMaster = true;
    cluster.isPrimary = true;
    cluster.Worker = ClusterWorker;
    cluster.workers = {};
    cluster.settings = {};
    cluster.SCHED_NONE = SCHED_NONE;
    cluster.SCHED_RR = SCHED_RR;
    let ids = 0;
    let initialized = false;
    let schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY;
    if (schedulingPolicy === 'rr') schedulingPolicy = SCHED_RR;
    else if (schedulingPolicy === 'none') schedulingPolicy = SCHED_NONE;
    else schedulingPolicy = SCHED_RR;
    cluster.schedulingPolicy = schedulingPolicy;

    cluster.setupPrimary = function (options) {
      const settings = {
        args: process.argv.slice(2),
        exec: process.argv[1],
        execArgv: process.execArgv,
        silent: false,
        ...cluster.settings,
        ...options,
      };
      cluster.settings = settings;
      if (initialized === true) return nextTick(setupSettingsNT, settings);
      initialized = true;
      schedulingPolicy = cluster.schedulingPolicy;
      if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
        throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', `Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
      }
      nextTick(setupSettingsNT, settings);
    };
    cluster.setupMaster = cluster.setupPrimary;
    function setupSettingsNT(settings) { cluster.emit('setup', settings); }

    function createWorkerProcess(id, env) {
      const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
      const execArgv = [...cluster.settings.execArgv];
      return fork(cluster.settings.exec, cluster.settings.args, {
        cwd: cluster.settings.cwd,
        env: workerEnv,
        serialization: cluster.settings.serialization,
        silent: cluster.settings.silent,
        windowsHide: cluster.settings.windowsHide,
        execArgv,
        stdio: cluster.settings.stdio,
        gid: cluster.settings.gid,
        uid: cluster.settings.uid,
      });
    }
    function removeWorker(worker) {
      delete cluster.workers[worker.id];
      if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
    }
    function removeHandlesForWorker(worker) {
      handles.forEach((handle, key) => {
        if (handle.remove(worker)) handles.delete(key);
      });
    }
    cluster.fork = function (env) {
      cluster.setupPrimary();
      const id = ++ids;
      const workerProcess = createWorkerProcess(id, env);
      const worker = new ClusterWorker({ id, process: workerProcess });
      worker.on('message', function (message, handle) {
        cluster.emit('message', this, message, handle);
      });
      worker.process.once('exit', (exitCode, signalCode) => {
        // removed only once disconnected: until then it may still be needed
        if (!worker.isConnected()) {
          removeHandlesForWorker(worker);
          removeWorker(worker);
        }
        worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
        worker.state = 'dead';
        worker.emit('exit', exitCode, signalCode);
        cluster.emit('exit', worker, exitCode, signalCode);
      });
      worker.process.once('disconnect', () => {
        removeHandlesForWorker(worker);
        if (worker.isDead()) removeWorker(worker);
        worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
        worker.state = 'disconnected';
        worker.emit('disconnect');
        cluster.emit('disconnect', worker);
      });
      worker.process.on('internalMessage', clusterInternal(worker, onmessage));
      nextTick(emitForkNT, worker);
      cluster.workers[worker.id] = worker;
      return worker;
    };
    function emitForkNT(worker) { cluster.emit('fork', worker); }
    cluster.disconnect = function (cb) {
      const workers = Object.keys(cluster.workers);
      if (workers.length === 0) {
        nextTick(() => intercom.emit('disconnect'));
      } else {
        for (const worker of Object.values(cluster.workers)) {
          if (worker.isConnected()) worker.disconnect();
        }
      }
      if (typeof cb === 'function') intercom.once('disconnect', cb);
    };
    const methodMessageMapping = { close, exitedAfterDisconnect, listening, online, queryServer };
    function onmessage(message, handle) {
      const fn = methodMessageMapping[message.act];
      if (typeof fn === 'function') fn(this, message);
    }
    function online(worker) {
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
    }
    function exitedAfterDisconnect(worker, message) {
      worker.exitedAfterDisconnect = true;
      send(worker, { ack: message.seq });
    }
    function queryServer(worker, message) {
      if (worker.exitedAfterDisconnect) return;
      const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
      let handle = handles.get(key);
      if (handle === undefined) {
        const address = message.address;
        if (schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' || message.addressType === 'udp6') {
          handle = new SharedHandle(key, address, message);
        } else {
          handle = new RoundRobinHandle(key, address, message);
        }
        handles.set(key, handle);
      }
      if (!handle.data) handle.data = message.data;
      handle.add(worker, (errno, reply, rawHandle) => {
        const { data } = handles.get(key);
        if (errno) handles.delete(key);
        send(worker, { errno, key, ack: message.seq, data, ...reply }, rawHandle);
      });
    }
    function listening(worker, message) {
      const info = { addressType: message.addressType, address: message.address, port: message.port, fd: message.fd };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
    }
    function close(worker, message) {
      const key = message.key;
      const handle = handles.get(key);
      if (handle && handle.remove(worker)) handles.delete(key);
    }
    function send(worker, message, handle, cb) {
      return sendHelper(worker.process, message, handle, cb);
    }
    ClusterWorker.prototype.disconnect = function () {
      this.exitedAfterDisconnect = true;
      send(this, { act: 'disconnect' });
      removeHandlesForWorker(this);
      removeWorker(this);
      return this;
    };
    ClusterWorker.prototype.destroy = function (signo) {
      const proc = this.process;
      const signal = signo || 'SIGTERM';
      proc.kill(signal);
    };
    return cluster;
  }

  // ---- internal/cluster/round_robin_handle.js: the primary accepts, a worker serves
  // A listening socket of the primary's own (net's `mn.tcpListen`; each connection posted as
  // `onconnection(fd)`), handed out one connection at a time to each free worker.
  function RoundRobinHandle(key, address, { port, backlog }) {
    this.key = key;
    this.all = new Map();
    this.free = [];
    this.handles = [];
    this.handle = null;
    this.listenError = null;
    this.waiting = [];
    const host = address === null || address === undefined ? '' : String(address);
    const self = this;
    const listener = {
      id: 0,
      onconnection(accepted) { self.distribute(0, new CpRawHandle(accepted)); },
      onclose() {},
      close() { if (this.id) { ioClose(this.id); this.id = 0; } },
    };
    listener.id = ioOpen('net.Server', listener, true);
    const r = mn.tcpListen(listener.id, host, port | 0, backlog || 511);
    if (Array.isArray(r)) {
      ioClose(listener.id);
      this.listenError = r[0];
    } else {
      const a = mn.tcpAddress(listener.id, false);
      listener.sockname = a === undefined ? { port: r } : { address: a[0], family: a[1], port: a[2] };
      this.handle = listener;
    }
  }
  RoundRobinHandle.prototype.add = function (worker, send) {
    this.all.set(worker.id, worker);
    if (this.listenError !== null) {
      send(this.listenError, null);
      return;
    }
    send(null, { sockname: this.handle.sockname }, null);
    this.handoff(worker);
  };
  RoundRobinHandle.prototype.remove = function (worker) {
    const existed = this.all.delete(worker.id);
    if (!existed) return false;
    const index = this.free.indexOf(worker);
    if (index !== -1) this.free.splice(index, 1);
    if (this.all.size !== 0) return false;
    for (const handle of this.handles) handle.close();
    this.handles = [];
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  };
  RoundRobinHandle.prototype.distribute = function (err, handle) {
    this.handles.push(handle);
    const worker = this.free.shift();
    if (worker) this.handoff(worker);
  };
  RoundRobinHandle.prototype.handoff = function (worker) {
    if (this.all.has(worker.id) === false) return;
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.push(worker);
      return;
    }
    const message = { act: 'newconn', key: this.key };
    sendHelper(worker.process, message, handle, (reply) => {
      if (reply.accepted) handle.close();
      else this.distribute(0, handle);
      this.handoff(worker);
    });
  };

  // ---- internal/cluster/shared_handle.js: every worker accepts on the primary's socket
  function SharedHandle(key, address, { port, backlog }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    const host = address === null || address === undefined ? '' : String(address);
    const r = mn.clusterBind(host, port | 0, backlog || 511);
    if (Array.isArray(r)) this.errno = r[0];
    else this.handle = new CpRawHandle(r);
  }
  SharedHandle.prototype.add = function (worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  };
  SharedHandle.prototype.remove = function (worker) {
    if (!this.workers.has(worker.id)) return false;
    this.workers.delete(worker.id);
    if (this.workers.size !== 0) return false;
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  };

  // ---- internal/cluster/child.js
  function clusterChild() {
    const cluster = new EventEmitter();
    const handles = new Map();
    const indexes = new Map();
    cluster.isWorker = true;
    cluster.isMaster = false;
    cluster.isPrimary = false;
    cluster.worker = null;
    cluster.Worker = ClusterWorker;

    cluster._setupWorker = function () {
      const worker = new ClusterWorker({ id: +process.env.NODE_UNIQUE_ID | 0, process, state: 'online' });
      cluster.worker = worker;
      process.once('disconnect', () => {
        worker.emit('disconnect');
        // an unexpected disconnect (the primary exited, or some such): the worker exits at once
        if (!worker.exitedAfterDisconnect) process.exit(0);
      });
      process.on('internalMessage', clusterInternal(worker, onmessage));
      send({ act: 'online' });
      function onmessage(message, handle) {
        if (message.act === 'newconn') onconnection(message, handle);
        else if (message.act === 'disconnect') Reflect.apply(childDisconnect, worker, [true]);
      }
      // net's listen() in a worker asks the primary (node's listenInCluster -> _getServer)
      netHooks.clusterListen = (server, options, cb) => {
        if (options.address === null && options.addressType === 6) options = { ...options, addressType: 4 };
        cluster._getServer(server, options, (err, handle) => {
          if (err) return cb(err);
          handle.owner = server;
          if (handle.shared) return cb(null, { fd: handle.takeFd() });
          const sockname = handle.sockname || {};
          cb(null, { rr: true, address: sockname.address, port: sockname.port, family: sockname.family, close: () => handle.close() });
        });
      };
    };

    cluster._getServer = function (obj, options, cb) {
      const address = options.address;
      const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
      let indexSet = indexes.get(indexesKey);
      if (indexSet === undefined) {
        indexSet = { nextIndex: 0, set: new Set() };
        indexes.set(indexesKey, indexSet);
      }
      const index = indexSet.nextIndex++;
      indexSet.set.add(index);
      const message = { act: 'queryServer', index, data: null, ...options };
      message.address = address;
      if (obj._getServerData) message.data = obj._getServerData();
      send(message, (reply, handle) => {
        if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
        if (handle) shared(reply, { handle, indexesKey, index }, cb);
        else rr(reply, { indexesKey, index }, cb);
      });
      obj.once('listening', () => {
        if (!indexes.has(indexesKey)) return;
        cluster.worker.state = 'listening';
        const a = obj.address();
        message.act = 'listening';
        message.port = (a && a.port) || options.port;
        send(message);
      });
    };
    function removeIndexesKey(indexesKey, index) {
      const indexSet = indexes.get(indexesKey);
      if (!indexSet) return;
      indexSet.set.delete(index);
      if (indexSet.set.size === 0) indexes.delete(indexesKey);
    }
    // a listening socket shared with the primary: this worker accepts on it
    function shared(message, { handle, indexesKey, index }, cb) {
      const key = message.key;
      if (message.errno) {
        handle.close();
        return cb(message.errno, null);
      }
      const entry = {
        shared: true,
        owner: null,
        takeFd() { const fd = handle.fd; handle.fd = -1; return fd; },
        close(done) {
          send({ act: 'close', key });
          handles.delete(key);
          removeIndexesKey(indexesKey, index);
          if (entry.owner) entry.owner.close(done);
          else if (typeof done === 'function') nextTick(done);
        },
      };
      handles.set(key, entry);
      cb(0, entry);
    }
    // round-robin: the primary accepts and sends each connection here
    function rr(message, { indexesKey, index }, cb) {
      if (message.errno) return cb(message.errno, null);
      let key = message.key;
      let fakeHandle = null;
      function ref() { if (!fakeHandle) fakeHandle = setInterval(cpNop, 2147483647); }
      function unref() {
        if (fakeHandle) {
          clearInterval(fakeHandle);
          fakeHandle = null;
        }
      }
      function close(done) {
        if (key === undefined) {
          if (typeof done === 'function') nextTick(done);
          return;
        }
        unref();
        send({ act: 'close', key });
        handles.delete(key);
        removeIndexesKey(indexesKey, index);
        key = undefined;
        if (typeof done === 'function') nextTick(done);
      }
      const handle = { close, ref, unref, sockname: message.sockname, owner: null };
      handle.ref();
      handles.set(key, handle);
      cb(0, handle);
    }
    function onconnection(message, handle) {
      const key = message.key;
      const server = handles.get(key);
      let accepted = server !== undefined && server.owner !== null && server.owner !== undefined;
      if (accepted) {
        const self = server.owner;
        if (self.maxConnections != null && self._connections >= self.maxConnections) accepted = false;
      }
      send({ ack: message.seq, accepted });
      if (accepted) {
        const fd = handle.fd;
        handle.fd = -1;
        server.owner._adoptConnection(fd);
      } else if (handle) {
        handle.close();
      }
    }
    function send(message, cb) {
      return sendHelper(process, message, null, cb);
    }
    function childDisconnect(primaryInitiated) {
      this.exitedAfterDisconnect = true;
      let waitingCount = 1;
      function checkWaitingCount() {
        waitingCount--;
        if (waitingCount === 0) {
          // a worker that disconnects itself waits for the primary's ack of exitedAfterDisconnect
          if (primaryInitiated) process.disconnect();
          else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
        }
      }
      for (const [, handle] of handles) {
        waitingCount++;
        // node closes the server that owns the handle; a shared handle tells the primary itself
        if (handle.owner && !handle.shared) handle.owner.close(checkWaitingCount);
        else handle.close(checkWaitingCount);
      }
      handles.clear();
      checkWaitingCount();
    }
    ClusterWorker.prototype.disconnect = function () {
      if (this.state !== 'disconnecting' && this.state !== 'destroying') {
        this.state = 'disconnecting';
        Reflect.apply(childDisconnect, this, []);
      }
      return this;
    };
    ClusterWorker.prototype.destroy = function () {
      if (this.state === 'destroying') return;
      this.exitedAfterDisconnect = true;
      if (!this.isConnected()) {
        process.exit(0);
      } else {
        this.state = 'destroying';
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
        process.once('disconnect', () => process.exit(0));
      }
    };
    return cluster;
  }

  // A worker's set-up before its main script (node's initializeClusterPrimary).
  function clusterSetupWorker() {
    if (process.argv[1] && process.env.NODE_UNIQUE_ID && typeof process.send === 'function') {
      clusterModule()._setupWorker();
      delete process.env.NODE_UNIQUE_ID;
    }
  }
