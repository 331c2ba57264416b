// JSON.stringify of a circular structure, in V8's words: where the circle starts, the keys down
// it (the middle left out when it is long) and the key that closes it.
const t = (f) => {
  try {
    f();
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
const chain = {};
let at = chain;
for (let i = 0; i < 10; i++) {
  at.next = {};
  at = at.next;
}
at.back = chain;
t(() => JSON.stringify(chain));
class Node { constructor() { this.children = [1, { parent: this }]; } }
t(() => JSON.stringify({ root: new Node() }));
const bare = Object.create(null);
bare.self = bare;
t(() => JSON.stringify(bare));
const spaced = {};
spaced['a key'] = spaced;
t(() => JSON.stringify(spaced, null, 2));
const list = [];
list.push(list);
t(() => JSON.stringify(list));
console.log(JSON.stringify({ fine: [1, { deep: true }] }));
const user = { name: 'ada' };
user.friend = { name: 'bob', friend: user };
JSON.stringify(user);
