// The first warning printed carries the hint, --trace-deprecation for a DeprecationWarning.
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
process.emitWarning('plain');
process.emitWarning('plain2', 'DeprecationWarning');
