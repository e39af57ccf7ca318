import { ProblemList } from './problem-list';

describe(ProblemList.name, () => {
  it('lists the first 100 problems and counts them all, and the lines they are on', () => {
    const list = new ProblemList<{ line: number }>();
    for (let line = 1; line <= 150; line++) list.add({ line }, { line });
    expect(list.listed).toHaveLength(100);
    expect(list.count).toBe(300);
    expect(list.lineCount).toBe(150);
    expect(list.hasLine(150)).toBe(true);
  });
});
