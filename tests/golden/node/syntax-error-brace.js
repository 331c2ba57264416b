// An unexpected closing brace.
function f() {
  return 1;
}}
