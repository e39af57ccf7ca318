// Lets bench scripts be plain TypeScript: transpile .ts on require with swc (same settings as the tests).
const fs = require('fs');
const path = require('path');
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.swcrc'), 'utf8'));
delete swcrc.$schema;
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
