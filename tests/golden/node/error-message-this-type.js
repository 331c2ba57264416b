// A built-in method called on the wrong receiver, in V8's words.
const t = (label, f) => {
  try {
    f();
    console.log(label, 'ok');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
t('trim', () => String.prototype.trim.call(null));
t('toUpperCase', () => String.prototype.toUpperCase.call(undefined));
t('includes', () => String.prototype.includes.call(null, 'a'));
t('split', () => String.prototype.split.call(undefined, ','));
t('replace', () => String.prototype.replace.call(null, 'a', 'b'));
t('iterator', () => String.prototype[Symbol.iterator].call(null));
t('map', () => Array.prototype.map.call(null, (v) => v));
t('forEach', () => Array.prototype.forEach.call(undefined, (v) => v));
t('reduce', () => Array.prototype.reduce.call(null, (a, b) => a + b));
t('push', () => Array.prototype.push.call(null, 1));
t('join', () => Array.prototype.join.call(undefined));
t('toFixed', () => Number.prototype.toFixed.call('1'));
t('Number toString', () => Number.prototype.toString.call({}));
t('Boolean valueOf', () => Boolean.prototype.valueOf.call(1));
t('String valueOf', () => String.prototype.valueOf.call(1));
t('Symbol toString', () => Symbol.prototype.toString.call(1));
t('description', () => Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get.call({}));
t('BigInt toString', () => BigInt.prototype.toString.call(1));
t('getTime', () => Date.prototype.getTime.call({}));
t('toISOString', () => Date.prototype.toISOString.call(1));
t('setDate', () => Date.prototype.setDate.call(null, 1));
t('global', () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call(1));
t('source', () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call({}));
t('finally', () => Promise.prototype.finally.call(1));
t('defineProperty', () => Object.defineProperty(1, 'a', {}));
t('defineProperties', () => Object.defineProperties(1, {}));
t('getPrototypeOf', () => Object.getPrototypeOf(null));
t('setPrototypeOf', () => Object.setPrototypeOf(null, {}));
t('Reflect.get', () => Reflect.get(1, 'a'));
t('descriptor', () => Object.defineProperty({}, 'a', 1));
const name = null;
console.log(name.trim());
