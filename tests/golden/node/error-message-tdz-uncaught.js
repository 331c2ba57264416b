// An uncaught temporal-dead-zone error: node's full report.
function total() {
  console.log(sum);
}
console.log('start');
total();
let sum = 0;
