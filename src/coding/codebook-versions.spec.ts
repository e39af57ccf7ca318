import { BUILT_IN_CAUSES, checkCodebook, Code } from './codebook';
import { addCode, deleteCode, editCode, isBuiltIn, replaceCodebook, StoredCode, subtree } from './codebook-versions';

let n = 0;
const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const code = (path: string[], tekstId: string | null = null, extra: Partial<Code> = {}): Code => ({
  path,
  tekstId,
  logtekst: null,
  colour: '#0072B2',
  ...extra,
});
const stored = (c: Code): StoredCode => ({ ...c, guid: guid(), builtIn: isBuiltIn(c) });

function book(): StoredCode[] {
  return [
    ...BUILT_IN_CAUSES.map(stored),
    stored(code(['Consument'])),
    stored(code(['Consument', 'Informatie'])),
    stored(code(['Consument', 'Informatie', 'EAN'], 'CONS_INFO_EAN')),
    stored(code(['Consument', 'Informatie', 'Meter'], 'CONS_INFO_MET')),
  ];
}

describe(addCode.name, () => {
  it('adds the code after its siblings and the categories above it that are missing', () => {
    const next = addCode(
      book(),
      code(['Zakelijk', 'Factuur', 'Te hoog'], 'ZAK_FACT_HOOG', { colour: '#CC79A7' }),
      guid,
    );
    expect(checkCodebook(next)).toEqual([]);
    expect(next.slice(-3).map((c) => [c.path.join('/'), c.tekstId, c.colour])).toEqual([
      ['Zakelijk', null, '#CC79A7'],
      ['Zakelijk/Factuur', null, '#CC79A7'],
      ['Zakelijk/Factuur/Te hoog', 'ZAK_FACT_HOOG', '#CC79A7'],
    ]);
    const sibling = addCode(book(), code(['Consument', 'Informatie', 'Adres'], 'CONS_INFO_ADR'), guid);
    expect(sibling.map((c) => c.tekstId).slice(-3)).toEqual(['CONS_INFO_EAN', 'CONS_INFO_MET', 'CONS_INFO_ADR']);
  });
});

describe(editCode.name, () => {
  it('moves the codes below a renamed category along', () => {
    const codes = book();
    const info = codes.find((c) => c.path.join('/') === 'Consument/Informatie')!;
    const next = editCode(codes, info.guid, code(['Consument', 'Gegevens']), guid) as StoredCode[];
    expect(checkCodebook(next)).toEqual([]);
    expect(next.filter((c) => c.path[0] === 'Consument').map((c) => c.path.join('/'))).toEqual([
      'Consument',
      'Consument/Gegevens',
      'Consument/Gegevens/EAN',
      'Consument/Gegevens/Meter',
    ]);
    expect(next.find((c) => c.tekstId === 'CONS_INFO_EAN')!.guid).toBe(
      codes.find((c) => c.tekstId === 'CONS_INFO_EAN')!.guid,
    );
  });

  it('keeps a built-in code its Tekst-ID, and leaves the rest of the cause group to checkCodebook', () => {
    const codes = book();
    const fout = codes.find((c) => c.tekstId === 'OORZAAK_FOUT')!;
    expect(editCode(codes, fout.guid, { ...fout, tekstId: 'ANDERS' }, guid)).toBe('built_in');
    const renamed = editCode(
      codes,
      fout.guid,
      { ...fout, path: ['Oorzaak', 'Fout gemaakt'], colour: '#000000' },
      guid,
    ) as StoredCode[];
    expect(checkCodebook(renamed)).toEqual([]);
    const moved = editCode(codes, fout.guid, { ...fout, path: ['Consument', 'Fout'] }, guid) as StoredCode[];
    expect(checkCodebook(moved).map((p) => p.code)).toEqual(['reserved_tekst_id']);
    expect(editCode(codes, guid(), fout, guid)).toBe('not_found');
  });
});

describe(deleteCode.name, () => {
  it('removes a code with every code below it, never a built-in one', () => {
    const codes = book();
    const top = codes.find((c) => c.path.join('/') === 'Consument')!;
    expect(subtree(codes, top.guid)).toHaveLength(4);
    const result = deleteCode(codes, top.guid);
    expect(result).toEqual({ codes: codes.slice(0, 4), removed: codes.slice(4) });
    expect(deleteCode(codes, codes[0].guid)).toBe('built_in');
    expect(deleteCode(codes, codes[1].guid)).toBe('built_in');
    expect(deleteCode(codes, guid())).toBe('not_found');
  });
});

describe(replaceCodebook.name, () => {
  it('keeps the GUID of a code matched by GUID, Tekst-ID or (a category) path, and counts what changes', () => {
    const codes = book();
    const ean = codes.find((c) => c.tekstId === 'CONS_INFO_EAN')!;
    const incoming = [
      ...BUILT_IN_CAUSES,
      code(['Consument']),
      code(['Consument', 'Informatie']),
      // Same GUID, new Tekst-ID: the same code, changed.
      { ...code(['Consument', 'Informatie', 'EAN-code'], 'CONS_INFO_EANC'), guid: ean.guid },
      code(['Consument', 'Informatie', 'Meter'], 'CONS_INFO_MET', { logtekst: 'Meternummer:' }),
      { ...code(['Consument', 'Informatie', 'Adres'], 'CONS_INFO_ADR'), guid: 'abcdefab-0000-4000-8000-000000000001' },
    ];
    const r = replaceCodebook(codes, incoming, guid);
    expect(r.added.map((c) => [c.tekstId, c.guid])).toEqual([
      ['CONS_INFO_ADR', 'abcdefab-0000-4000-8000-000000000001'],
    ]);
    expect(r.changed.map((c) => [c.before.tekstId, c.after.tekstId, c.after.guid === c.before.guid])).toEqual([
      ['CONS_INFO_EAN', 'CONS_INFO_EANC', true],
      ['CONS_INFO_MET', 'CONS_INFO_MET', true],
    ]);
    expect(r.removed).toEqual([]);
    expect(r.unchanged).toBe(6);
    expect(r.codes.every((c) => c.builtIn === isBuiltIn(c))).toBe(true);
  });

  it('drops what the file lacks, and never gives a new code a GUID the study already uses', () => {
    const codes = book();
    const meter = codes.find((c) => c.tekstId === 'CONS_INFO_MET')!;
    // The meter code is matched by its Tekst-ID first; a later code carrying its GUID is another code.
    const incoming = [
      ...BUILT_IN_CAUSES,
      code(['Consument']),
      code(['Consument', 'Meter'], 'CONS_INFO_MET'),
      { ...code(['Consument', 'Ander'], 'CONS_ANDER'), guid: meter.guid },
    ];
    const r = replaceCodebook(codes, incoming, guid);
    expect(r.removed.map((c) => c.path.join('/'))).toEqual(['Consument/Informatie', 'Consument/Informatie/EAN']);
    expect(r.codes.find((c) => c.tekstId === 'CONS_INFO_MET')!.guid).toBe(meter.guid);
    expect(r.codes.find((c) => c.tekstId === 'CONS_ANDER')!.guid).not.toBe(meter.guid);
    expect(new Set(r.codes.map((c) => c.guid)).size).toBe(r.codes.length);
  });
});
