// `npm run lint:boundaries`: the rules of .dependency-cruiser.cjs, and no import cycle between the folders of src/.
//
// dependency-cruiser checks cycles between files, and its folder scope points a dependency at the imported file's own
// folder (src/scheduling/dto rather than src/scheduling), so a cycle through a subfolder would go unseen. This script
// cruises once, reports the rule violations as `depcruise` does, then collapses the graph to src/<folder> (files
// directly in src/ count as one folder, the entry files) and reports every strongly connected set of folders.
// There is no allow-list: every violation fails at once.
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const CONFIG = './.dependency-cruiser.cjs';
const SCOPE = ['src', 'migrations'];

const options = await extractDepcruiseOptions(CONFIG);
const cruised = await cruise(
  SCOPE,
  { ...options, outputType: 'json' },
  {},
  { tsConfig: extractTSConfig('tsconfig.json') },
);
const result = JSON.parse(cruised.output);

const rules = await format(result, { outputType: 'err' });
process.stdout.write(rules.output);

const cycles = folderCycles(result.modules);
for (const cycle of cycles) {
  process.stdout.write(`\n  error no-folder-cycles: ${[...cycle.folders, cycle.folders[0]].join(' → ')}\n`);
  for (const edge of cycle.edges) process.stdout.write(`    ${edge}\n`);
}
if (cycles.length) process.stdout.write(`\nx ${cycles.length} import cycle(s) between folders of src/.\n`);
process.exitCode = rules.exitCode > 0 || cycles.length > 0 ? 1 : 0;

/** src/groups/dto/x.ts → src/groups; src/main.ts → src (the entry files); anything else → null. */
function folderOf(path) {
  const match = /^src\/(?:([^/]+)\/)?/.exec(path);
  if (!match) return null;
  return match[1] ? `src/${match[1]}` : 'src';
}

function folderCycles(modules) {
  const edges = new Map(); // folder → Map(folder → example import)
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} → ${dependency.resolved}`);
    }
  }
  return stronglyConnected(edges)
    .filter((component) => component.length > 1)
    .map((component) => {
      const cycle = shortestCycle(edges, new Set(component));
      return { folders: cycle, edges: cycle.map((from, i) => edges.get(from).get(cycle[(i + 1) % cycle.length])) };
    });
}

/** The shortest way round inside a set of folders that all reach one another: the cycle to read and break first. */
function shortestCycle(edges, members) {
  let best = null;
  for (const start of members) {
    const previous = new Map([[start, null]]);
    const queue = [start];
    let found = null;
    while (queue.length && !found) {
      const node = queue.shift();
      for (const next of edges.get(node)?.keys() ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          found = node;
          break;
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    if (!found) continue;
    const path = [];
    for (let node = found; node !== null; node = previous.get(node)) path.unshift(node);
    if (!best || path.length < best.length) best = path;
  }
  return best;
}

/** Tarjan's algorithm: the sets of folders that can all reach one another. */
function stronglyConnected(edges) {
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets.keys()])]);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}
