// fork: what JSON cannot carry throws at send, in the parent and in the child, as node's json
// serialization does; nothing reaches the other side.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'children', 'bad-send.js'));
const circular = { list: [{ back: null }] };
circular.list[0].back = circular;
try { child.send(circular); } catch (e) { console.log(e.name + ':', e.message); }
try { child.send({ big: 1n }); } catch (e) { console.log(e.name + ':', e.message); }
try { child.send(undefined); } catch (e) { console.log(e.name, e.code, e.message); }
try { child.send(() => 1); } catch (e) { console.log(e.name, e.code); }
try { child.send(Symbol('s')); } catch (e) { console.log(e.name, e.code); }
child.on('message', (m) => console.log('parent got', m));
child.on('exit', (code) => console.log('exit', code));
