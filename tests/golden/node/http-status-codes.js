// http.STATUS_CODES and http.METHODS, and header validation errors.
const http = require('http');

console.log(http.STATUS_CODES[200], http.STATUS_CODES[404], http.STATUS_CODES[418], http.STATUS_CODES[503]);
console.log(Object.keys(http.STATUS_CODES).length, http.METHODS.length, http.METHODS.slice(0, 5));
console.log(http.METHODS.includes('PATCH'), http.maxHeaderSize);
try { http.validateHeaderName('bad name'); } catch (e) { console.log(e.code, e.message); }
try { http.validateHeaderValue('x', 'a\nb'); } catch (e) { console.log(e.code, e.message); }
try { http.validateHeaderValue('x', undefined); } catch (e) { console.log(e.code, e.message); }
console.log(typeof http.Agent, http.globalAgent.keepAlive, new http.Agent().keepAlive);
