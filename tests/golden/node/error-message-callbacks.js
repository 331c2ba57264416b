// A built-in given a callback that is not a function: V8 names the value (a comparator and flatMap's mapper have their own words).
for (const v of [5, 'abc', undefined, null, {}, [1], Symbol('s'), new (class P {})()]) {
  try { [1].map(v); } catch (e) { console.log(e.message); }
  try { [1].forEach(v); } catch (e) { console.log(e.message); }
  try { [1].reduce(v); } catch (e) { console.log(e.message); }
  try { Promise.resolve().then.call(Promise.resolve(), 1) ; console.log('then ok'); } catch (e) { console.log(e.message); }
  try { [1].sort(v); } catch (e) { console.log(e.message); }
  try { Array.from([1], v); } catch (e) { console.log(e.message); }
  try { new Map().forEach(v); } catch (e) { console.log(e.message); }
  try { [1].find(v); } catch (e) { console.log(e.message); }
  try { [[1]].flatMap(v); } catch (e) { console.log(e.message); }
  try { 'a'.replace('a', v); console.log('replace ok'); } catch (e) { console.log(e.message); }
}
