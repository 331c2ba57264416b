// Child: tries to send what JSON cannot carry.
const circular = { name: 'loop' };
circular.self = circular;
try { process.send(circular); } catch (e) { console.log('child:', e.name, e.message.split('\n')[0]); }
try { process.send(10n); } catch (e) { console.log('child:', e.name, e.message); }
process.send('still fine');
process.disconnect();
