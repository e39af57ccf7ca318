import { buildOverview } from '../overview';
import { BIJLAGE_5_ORGANISATIONS, bijlage5Respondents } from './bijlage-5.fixture';
import { toMarkdown } from './markdown';

const DATE = new Date('2026-11-20T10:00:00Z');

describe('toMarkdown', () => {
  const overview = buildOverview(
    'Publieke dienstverlening',
    'participants',
    [...BIJLAGE_5_ORGANISATIONS, 'Waterschap'],
    bijlage5Respondents(),
    { ageBands: false },
  );

  it('has the heading, the composition table and one table per organisation', () => {
    const md = toMarkdown(overview, { generatedAt: DATE });
    expect(md).toContain(
      '# Respondentenoverzicht\n\n**Onderzoek:** Publieke dienstverlening  \n**Populatie:** Deelnemers  \n**Datum:** 20 november 2026\n',
    );
    expect(md).toContain(
      '| Organisatie | Informatiezoekers | Zekerheidszoekers | Rust-in-je-hoofdzoekers | Gemakzoekers | Totaal |\n| --- | ---: | ---: | ---: | ---: | ---: |\n| Belastingdienst | 3 | 3 | 3 | 2 | 11 |',
    );
    expect(md).toContain('| **Totaal** | **13** | **12** | **12** | **7** | **44** |');
    expect(md).toContain(
      '## RET (n=12)\n\n| Geslacht | Leeftijd | Opleidingsniveau | Mate comfortabel met digitale middelen | Kwadrant | Organisatie |',
    );
    expect(md).toContain('| m | 45-54 | Universiteit of hoger | Zeer comfortabel | Informatiezoeker | RET |');
    expect(md).toContain('## Waterschap (n=0)\n\nGeen respondenten.');
    expect(md.match(/^\| [mvx] \|/gm)).toHaveLength(44);
  });

  it("passes on the disclosure warning in the reader's language", () => {
    expect(toMarkdown(overview)).toContain('> Let op: 44 rijen komen maar één keer voor');
    expect(toMarkdown(overview, { locale: 'en' })).toContain('> Note: 44 rows occur only once');
    const safe = buildOverview('S', 'all', ['RET'], [bijlage5Respondents()[0], bijlage5Respondents()[0]], {
      ageBands: true,
    });
    expect(toMarkdown(safe)).not.toContain('Let op');
  });

  it('escapes names so they cannot add columns, links or markup', () => {
    const name = 'A|B [x](http://evil) <b>';
    const o = buildOverview('S', 'all', [name], [{ ...bijlage5Respondents()[0], organisation: name }], {
      ageBands: true,
    });
    const md = toMarkdown(o, { locale: 'en' });
    expect(md).toContain('## A\\|B \\[x\\](http://evil) \\<b\\> (n=1)');
    expect(md).toContain(
      '| v | 65-74 | Vocational (mbo) | Comfortable | Convenience seeker | A\\|B \\[x\\](http://evil) \\<b\\> |',
    );
  });

  it('shows suppressed counts as an escaped * with its explanation', () => {
    const o = buildOverview('S', 'participants', BIJLAGE_5_ORGANISATIONS, bijlage5Respondents(), {
      ageBands: true,
      suppressBelow: 3,
    });
    const md = toMarkdown(o);
    expect(md).toContain('| Belastingdienst | \\* | \\* | 3 | \\* | 11 |');
    expect(md).toContain('\\* = minder dan 3 respondenten');
  });

  it("uses the study's title, and a separate composition table when given one (a partner's file)", () => {
    const ret = buildOverview(
      'wp2a',
      'participants',
      ['RET'],
      bijlage5Respondents().filter((r) => r.organisation === 'RET'),
      { ageBands: true },
    );
    const md = toMarkdown(ret, { studyTitle: 'Klantreizen', composition: overview });
    expect(md).toContain('**Onderzoek:** Klantreizen  ');
    expect(md).toContain('| Vitens | 3 | 3 | 3 | 3 | 12 |');
    expect(md).toContain('| **Totaal** | **13** | **12** | **12** | **7** | **44** |');
    expect(md).not.toContain('## Vitens');
    expect(md).toContain('## RET (n=12)');
  });
});
