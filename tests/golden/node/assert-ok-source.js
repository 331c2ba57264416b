// a failed assert.ok quotes its call from the source, also over several lines and under other names
const assert = require('assert'); try { assert(0 > 1) } catch (e) { console.log(e.message) }
function t(f) { try { f(); } catch (e) { console.log(e.generatedMessage, e.message); } }
t(() => assert.ok(
  typeof 123 === 'string',
));
t(() => assert.strict.ok([].length));
const { ok } = assert;
t(() => ok(null, undefined));
t(() => { assert(false, 'with message'); });
t(() => assert.ok("a)b" === 'c'));
t(() => assert());
const strict = require('assert/strict');
t(() => strict(''));
