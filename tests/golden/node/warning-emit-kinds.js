// process.emitWarning's forms: a string, a type, a code, an options object with a detail, an Error.
process.emitWarning('plain one');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('with code', 'CustomWarning', 'CODE01');
process.emitWarning('obj', { type: 'T2', code: 'C2', detail: 'some detail' });
process.emitWarning(new Error('an error'));
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
for (const bad of [[42], ['x', 42], ['x', 'T', 7]]) {
  try { process.emitWarning(...bad); } catch (e) { console.log(e.code, e.message); }
}
setTimeout(() => console.log('done'), 1);
