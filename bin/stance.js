#!/usr/bin/env node
// The `stance` command (package.json "bin"): runs the compiled CLI. `npm ci` builds it.
require('../dist/src/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((e) => { process.stderr.write(`stance: ${e && e.message ? e.message : e}\n`); process.exitCode = 1; });
