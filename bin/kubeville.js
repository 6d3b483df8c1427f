#!/usr/bin/env node
// Runs the built CLI (`npm run build` makes out/cli/kubeville.js).
import('../out/cli/kubeville.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('kubeville: the CLI is not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw e;
});
