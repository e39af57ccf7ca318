import { sayPlace } from './qdpx-place';
import type { RefiPlace } from './refi/project-reader';

describe('the place of a problem in a REFI-QDA project, in the reader language', () => {
  const places: RefiPlace[] = [
    { kind: 'user', name: 'Anna' },
    { kind: 'code', name: 'Consument / Informatie' },
    { kind: 'variable', name: 'Leeftijd' },
    { kind: 'case', name: 'R01' },
    { kind: 'source', name: 'R02' },
    { kind: 'pictureSource', name: 'Foto' },
    { kind: 'pdfSource', name: 'Brief' },
    { kind: 'audioSource', name: 'Opname' },
    { kind: 'videoSource', name: 'Film' },
    { kind: 'selection', source: 'R02', selection: 3 },
    { kind: 'selectionCoding', source: 'R02', selection: 3 },
    { kind: 'coding', guid: '11111111-1111-4111-8111-111111111111' },
  ];

  it('says each element in Dutch, with its name and number', () => {
    expect(places.map((p) => sayPlace(p, 'nl'))).toEqual([
      'Gebruiker ‘Anna’',
      'Code ‘Consument / Informatie’',
      'Variabele ‘Leeftijd’',
      'Casus ‘R01’',
      'Bron ‘R02’',
      'Afbeeldingsbron ‘Foto’',
      'Pdf-bron ‘Brief’',
      'Geluidsbron ‘Opname’',
      'Videobron ‘Film’',
      'Bron ‘R02’, selectie 3',
      'Bron ‘R02’, selectie 3, een codering',
      'Codering 11111111-1111-4111-8111-111111111111',
    ]);
  });

  it('says each element in English, never in the element names of the XML', () => {
    const en = places.map((p) => sayPlace(p, 'en'));
    expect(en[9]).toBe('Source ‘R02’, selection 3');
    expect(en[5]).toBe('Picture source ‘Foto’');
    expect(en.join(' ')).not.toMatch(/TextSource|PlainTextSelection|PictureSource|"/);
  });

  it('keeps a name as written, also with quotes or markup in it', () => {
    expect(sayPlace({ kind: 'code', name: 'A "B" <i>' }, 'nl')).toBe('Code ‘A "B" <i>’');
  });
});
