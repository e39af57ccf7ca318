import { Writable } from 'node:stream';

/**
 * Measures one export: time, bytes written and peak memory (sampled every 5 ms and on writes), into a sink that
 * takes its time like a network socket, so back-pressure is exercised.
 */
export async function measureExport(
  write: (sink: Writable) => Promise<void>,
): Promise<{ ms: number; bytes: number; baseRss: number; peakRss: number; heapGrowth: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  let bytes = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes % 50 === 0) sample();
      setImmediate(done);
    },
  });
  const started = process.hrtime.bigint();
  try {
    await write(sink);
  } finally {
    clearInterval(timer);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  sample();
  return { ms, bytes, baseRss: base.rss, peakRss, heapGrowth: peakHeap - base.heapUsed };
}
