// fs calls given a file: URL use its decoded path; another scheme is refused.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mn url '));
const file = path.join(dir, 'a b%c.txt');
fs.writeFileSync(pathToFileURL(file), 'hello');
console.log(fs.readFileSync(pathToFileURL(file), 'utf8'), fs.existsSync(pathToFileURL(file)));
fs.readFile(new URL(pathToFileURL(file).href), 'utf8', (err, text) => {
  console.log('callback', err, text);
  try {
    fs.readFileSync(new URL('http://example.com/x'));
  } catch (e) {
    console.log(e.code, e.message);
  }
  fs.rmSync(dir, { recursive: true });
  console.log('removed', fs.existsSync(dir));
});
