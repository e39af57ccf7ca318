// Runs every benchmark in its own process (so one's memory does not colour another's figures) and prints them.
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const BENCHES = [
  'groups',
  'scheduling',
  'overview',
  'overview-db',
  'homework',
  'journey',
  'journey-db',
  'journey-pictures',
  'refi',
  'import',
];

for (const name of BENCHES) {
  const file = join(__dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n=== bench/${name}\n`);
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'register.js'), file], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
