// new URL(): the parts of http, https and file URLs, normalised as WHATWG says.
const u = new URL('HTTPS://User:Pa ss@EXAMPLE.com:8443/a/./b/../c d?q=1 2&x=é#f g');
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']) console.log(k.padEnd(8), JSON.stringify(u[k]));
console.log(new URL('http://example.com:80/').href, new URL('https://example.com:443').port === '', new URL('http://example.com').pathname);
console.log(new URL('http://0x7f.1/').host, new URL('http://127.1:3000').origin, new URL('http://[::1]:8080/x').host);
console.log(new URL('file:///home/user/a%20b.txt').pathname, new URL('file:///tmp/../etc/x').href, new URL('file://localhost/x').href);
console.log(new URL('mailto:Foo@Bar.com').pathname, new URL('mailto:x').origin, new URL('data:text/plain,hi there').href);
console.log(String(new URL('http://a.com/p?x#y')), JSON.stringify({ u: new URL('http://a.com') }), new URL('http://a.com/\\x\\y').pathname);
console.log(URL.canParse('http://x'), URL.canParse('nope'), URL.canParse('/p', 'http://h'));
