// Lets bench scripts, test child processes and the CLI in tests run TypeScript without a build step: transpile
// .ts on require with swc (same settings as the tests), cached on disk by content so repeated starts are fast.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));
delete swcrc.$schema;
const cacheDir = path.join(__dirname, '..', '.tmp', 'swc-cache');
const settings = JSON.stringify(swcrc);

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(settings).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = transformSync(source, { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' }).code;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, cached);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  module._compile(code, filename);
};
