// callbacks.js: the records of everything the scheduler will call back, and the start of the
// prelude's one function scope.
//
// HOW: build.rs joins every file of src/eventloop/lib into one function `(mn, global)` (its
// NODE_LIB list gives the order); this file comes first. A callback the scheduler will run later
// (a timer, an immediate, a nextTick, an fs completion) is kept here under an integer id; the
// id alone crosses to Rust, and the scheduler later calls a runner (runTimer, runCallback ...,
// returned by globals.js) with it.
// WHY: nothing in this prelude decides *when* a callback runs: that is the loop model's job
// (src/eventloop/node.rs). Plain objects keyed by small integers, FIFO arrays and kept-alive
// object shapes make this bookkeeping cheap in QuickJS.
//
// Bridge names (`mn.*`, each *Must* match its entry in BRIDGE in src/eventloop/host/bridge.rs):
//   filename (the main script's path), record (true when the run keeps a trace of events).
// `mn.shapes` is set here, not read: it only keeps the shape objects alive as long as the runtime.

  const SCRIPT = mn.filename;
  // id -> record, for everything the scheduler will call back. A plain object: QuickJS hashes
  // small integer Map keys badly, while integer property keys are cheap.
  class CallbackStore {
    constructor() { this.o = Object.create(null); }
    get(id) { return this.o[id]; }
    set(id, v) { this.o[id] = v; }
    delete(id) { delete this.o[id]; }
  }
  const callbacks = new CallbackStore();
  // Immediates and nextTicks run in the order they were queued (the scheduler keeps the same
  // order), so their records wait in plain FIFO arrays.
  class Fifo {
    constructor() { this.items = []; this.head = 0; }
    push(v) { this.items.push(v); }
    // the record with this id; the ones before it were cancelled
    take(id) {
      const items = this.items;
      while (this.head < items.length) {
        const v = items[this.head];
        items[this.head++] = undefined;
        if (v._id === id) { this.compact(); return v; }
      }
      this.compact();
      return undefined;
    }
    compact() {
      if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }
  // QuickJS lets a new object reuse the shape (property layout) of earlier ones built the same way
  // only while some object still has each intermediate shape; without one, every function and
  // every Timeout builds and frees shapes of its own. These objects keep them alive.
  const shapes = [];
  mn.shapes = shapes; // (mn lives as long as the runtime)
  // one object per step of the way `sample` was built (its properties in order)
  function keepShapesOf(sample) {
    const proto = Object.getPrototypeOf(sample);
    const names = Object.keys(sample);
    for (let k = 0; k <= names.length; k++) {
      const o = Object.create(proto);
      for (let j = 0; j < k; j++) o[names[j]] = undefined;
      shapes.push(o);
    }
  }
  {
    // functions: (no properties), length, then name, both only configurable
    shapes.push(Object.create(Function.prototype));
    const o = Object.create(Function.prototype);
    Object.defineProperty(o, 'length', { value: 0, configurable: true });
    shapes.push(o, {}, Promise.resolve());
  }
  const tickQueue = new Fifo();
  let nextId = 1;
  const record = mn.record;
