// Engine-raised errors about objects, properties and promises.
const show = (f) => { try { f(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); } };
show(() => null.foo);
show(() => undefined.foo());
show(() => { undefined.x = 1; });
show(() => Object.keys(undefined));
show(() => Object.defineProperty(Object.freeze({}), 'a', { value: 1 }));
show(() => { 'use strict'; Object.freeze([1]).push(2); });
show(() => { 'use strict'; const o = Object.preventExtensions({}); o.b = 2; });
show(() => new Promise());
show(() => new Promise(1));
show(() => JSON.parse('{bad'));
show(() => JSON.parse('[1 2]'));
show(() => JSON.parse('{"a":1,'));
