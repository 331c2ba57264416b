// A URL that does not parse is node's TypeError with code ERR_INVALID_URL and its input.
for (const [input, base] of [['bad'], ['x', 'not a base'], ['http://exa mple.com'], ['http://a.com:99999'], ['https://'], ['http://[::1'], ['//no-scheme']]) {
  try {
    new URL(input, base);
    console.log('parsed', input);
  } catch (e) {
    console.log(String(e), e.code, e.name, JSON.stringify(e.input), JSON.stringify(e.base), Object.keys(e), e instanceof TypeError);
  }
}
const { URL: U, fileURLToPath, pathToFileURL } = require('url');
console.log(U === URL, fileURLToPath('file:///tmp/a%20b.txt'), pathToFileURL('/tmp/x y#1.txt').href);
try { fileURLToPath('http://x'); } catch (e) { console.log(String(e), e.code); }
