// Turns a vega-lite spec into SVG on the server: vega-lite compiles it to a vega spec, vega renders that headless
// (renderer 'none', no canvas). Both libraries ship only as ES modules with a top-level await in their graph, so
// CommonJS (what this project compiles to) can load them neither with require() nor with an import() that tsc or
// Jest rewrite into require(). They run in one worker thread instead, which loads them with Node's own import()
// and renders there: a study's pictures never hold up the requests the server is answering meanwhile.
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A vega-lite specification (JSON); its shape is vega-lite's, checked by vega-lite when it compiles. */
export type VegaLiteSpec = Record<string, unknown>;

// Plain JavaScript run as the worker's script: code in a string needs no build step in Jest, the CLI or dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const libraries = Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
parentPort.on('message', async ({ id, spec }) => {
  try {
    const [vega, vegaLite] = await libraries;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    parentPort.postMessage({ id, svg });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

interface Answer {
  id: number;
  svg?: string;
  error?: string;
}

interface Pending {
  resolve: (svg: string) => void;
  reject: (err: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function start(): Worker {
  const w = new Worker(WORKER, {
    eval: true,
    workerData: {
      vega: pathToFileURL(require.resolve('vega')).href,
      vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
    },
  });
  w.on('message', (answer: Answer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (pending.size === 0) w.unref();
    if (answer.svg !== undefined) waiting.resolve(answer.svg);
    else waiting.reject(new Error(`A picture could not be drawn: ${answer.error}`));
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`The picture renderer stopped (exit code ${code})`)));
  return w;
}

/** Renders a vega-lite spec to an SVG document. */
export function renderSvg(spec: VegaLiteSpec): Promise<string> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  // Referenced only while a picture is awaited: an idle renderer must not keep a CLI run or a test process alive.
  w.ref();
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, spec });
  });
}

/** Stops the renderer (tests and shutdown); the next picture starts a new one. */
export async function stopRenderer(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
