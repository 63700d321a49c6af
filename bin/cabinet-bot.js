#!/usr/bin/env node
// The installed officer command line runs the compiled CLI (`npm run build` makes dist/).
require('../dist/cli/main.js')
  .runCli(process.argv)
  .then((code) => process.exit(code));
