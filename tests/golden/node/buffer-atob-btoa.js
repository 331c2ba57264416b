// atob / btoa: forgiving base64 (whitespace skipped), latin1 only, node's InvalidCharacterError.
console.log(btoa('hi'), atob('aGk='), atob(' aG k= '), btoa(String.fromCharCode(255)), atob('aGk'), JSON.stringify(atob('')));
for (const f of [() => atob('!'), () => btoa('€'), () => atob('a'), () => atob('a=b='), () => atob('aGk==='), () => atob()]) {
  try { console.log(f()); } catch (e) { console.log(e.name, '|', e.message, '|', e.code, e instanceof DOMException); }
}
const { atob: a2, btoa: b2 } = require('buffer');
console.log(a2('aGk='), b2('hi'), Buffer.from(atob(btoa('\xe9t\xe9')), 'latin1'));
