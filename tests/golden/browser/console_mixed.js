// Several arguments of different kinds, separated by spaces.
console.log('count:', 3, 'items:', ['x', 'y'], 'meta:', { ok: true });
console.log(null, undefined, true, false);
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
console.log(new Point(1, 2));
console.log([new Point(0, 0)]);
