/**
 * Runs reads one after the other and returns their results in order, like Promise.all does for reads started
 * together. Inside a transaction every repository shares one database connection, and PostgreSQL takes one query
 * at a time on it: starting them together only queues them in pg (refused from pg@9) in an order the code hides.
 */
export async function inSequence<T extends unknown[]>(
  ...steps: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as T;
}
