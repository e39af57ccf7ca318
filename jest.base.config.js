// Shared Jest settings: swc transforms TypeScript (type checking stays in `npm run typecheck`).
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  // @nestjs/typeorm ships only ES modules; Node loads them with require() at run time, Jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/typeorm/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  clearMocks: true,
};
