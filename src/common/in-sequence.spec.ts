import { inSequence } from './in-sequence';

describe(inSequence.name, () => {
  it('starts each step only after the one before has finished, and answers in the order given', async () => {
    const log: string[] = [];
    const step = (name: string, ticks: number) => async () => {
      log.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      log.push(`end ${name}`);
      return name.length;
    };
    const results: [number, number] = await inSequence(step('slow', 5), step('quick!', 0));
    expect(results).toEqual([4, 6]);
    expect(log).toEqual(['start slow', 'end slow', 'start quick!', 'end quick!']);
  });

  it('does not start the steps after one that fails', async () => {
    let started = false;
    const failing = inSequence(
      () => Promise.reject(new Error('no study')),
      () => {
        started = true;
        return Promise.resolve();
      },
    );
    await expect(failing).rejects.toThrow('no study');
    expect(started).toBe(false);
  });
});
