// Child: writes to stdout and stderr, then exits with a code.
process.stdout.write('line one\n');
console.log('line two', process.argv.slice(2));
console.error('oops on stderr');
process.exitCode = 3;
