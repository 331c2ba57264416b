// A constant of the script's top level assigned: V8's words; a frozen object's property in sloppy code is left alone.
const c = 1;
try { c = 2; } catch (e) { console.log(e.name + ': ' + e.message); }
try { c++; } catch (e) { console.log(e.name + ': ' + e.message); }
const o = Object.freeze({ a: 1 });
o.a = 2;
delete o.a;
console.log(o.a);
