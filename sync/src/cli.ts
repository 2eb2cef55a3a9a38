#!/usr/bin/env node
// Placeholder entry point until the runner's CLI lands (issue 8).
console.error('tlms-sync: not implemented yet');
process.exit(2);
