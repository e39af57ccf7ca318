import { readFlash } from './flash';

describe(readFlash.name, () => {
  it('reads a message left by a page action', () => {
    expect(readFlash(JSON.stringify({ key: 'groups.done.moved', vars: { a: 3, b: 4 } }))).toEqual({
      key: 'groups.done.moved',
      vars: { a: 3, b: 4 },
    });
  });

  it('refuses a hand-made cookie that names another text or carries more than short variables', () => {
    expect(readFlash(JSON.stringify({ key: 'error.title.500' }))).toBeNull();
    expect(readFlash('not json')).toBeNull();
    expect(
      readFlash(JSON.stringify({ key: 'study.done.saved', vars: { name: 'x'.repeat(301), n: 2, o: { deep: true } } })),
    ).toEqual({ key: 'study.done.saved', vars: { n: 2 } });
  });
});
