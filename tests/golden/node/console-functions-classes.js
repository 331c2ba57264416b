// Functions, classes and class instances.
function named() {}
const arrow = () => {};
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
class Empty {}
console.log(named, arrow, function () {}, Point);
console.log(new Point(1, 2), new Empty());
console.log([named], { f: arrow, k: Point });
console.log(async function af() {}, function* gen() {});
console.log(Math.max);
