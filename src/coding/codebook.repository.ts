import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppError } from '../common/app-error';
import { pathKey } from './codebook';
import { Coding } from './coding.entity';
import { CodebookCode } from './codebook-code.entity';
import { CodebookVersion } from './codebook-version.entity';
import { type StoredCode, type VersionChange, versionCode } from './codebook-versions';

export interface VersionAuthor {
  id: number | null;
  email: string | null;
}

/** The codebook aggregate of a study: its codes and its versions. Every query joins the ambient transaction. */
@Injectable()
export class CodebookRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get m() {
    return this.txHost.tx;
  }

  /**
   * Deleting a code would take its codings with it (the foreign key cascades, so that erasing a study stays
   * simple); a researcher's coding work must never vanish as a side effect of a codebook edit or import.
   */
  private async refuseRemovingCodedCodes(gone: CodebookCode[]): Promise<void> {
    const counts: { codeId: number; n: string | number }[] = await this.m
      .createQueryBuilder(Coding, 'c')
      .select('c.codeId', 'codeId')
      .addSelect('COUNT(*)', 'n')
      .where('c.codeId IN (:...ids)', { ids: gone.map((row) => row.id) })
      .groupBy('c.codeId')
      .getRawMany();
    if (!counts.length) return;
    const names = counts.map(({ codeId }) => {
      const row = gone.find((r) => r.id === Number(codeId))!;
      return row.tekstId ?? [row.label1, row.label2, row.label3].filter(Boolean).join(' / ');
    });
    const codings = counts.reduce((sum, { n }) => sum + Number(n), 0);
    throw AppError.conflict(
      'codebook.code_in_use',
      `The codebook was not changed: ${names.join(', ')} would be removed, and ${codings} coding(s) use it.`,
      { codes: names, codings },
      { codes: names.join(', '), count: codings },
    );
  }

  async codesOf(studyId: number): Promise<StoredCode[]> {
    const rows = await this.m.find(CodebookCode, { where: { studyId }, order: { position: 'ASC', id: 'ASC' } });
    return rows.map(toStored);
  }

  async currentVersion(studyId: number): Promise<CodebookVersion | null> {
    return this.m.findOne(CodebookVersion, { where: { studyId }, order: { version: 'DESC' } });
  }

  /** Newest first, without the snapshots (the history page shows who changed what when). */
  /** One page of the study's versions, newest first, and how many there are. */
  versions(studyId: number, page: { offset: number; limit: number }): Promise<[CodebookVersion[], number]> {
    return this.m.findAndCount(CodebookVersion, {
      where: { studyId },
      order: { version: 'DESC' },
      skip: page.offset,
      take: page.limit,
      select: { id: true, version: true, kind: true, summary: true, changedByEmail: true, changedAt: true },
    });
  }

  /**
   * Writes the codebook as `codes` (tree order) and records it as version `version`. Rows keep their id by GUID;
   * changed rows first take placeholder keys, so two codes that swap a path or Tekst-ID never meet the unique
   * constraints half-way. The version's unique key refuses a second change made from the same version at once.
   */
  async save(
    studyId: number,
    version: number,
    change: VersionChange,
    codes: StoredCode[],
    author: VersionAuthor,
  ): Promise<StoredCode[]> {
    const manager = this.m;
    const now = new Date();
    const { kind, ...summary } = change;
    await manager.insert(CodebookVersion, {
      studyId,
      version,
      kind,
      summary: Object.keys(summary).length ? summary : null,
      codes: codes.map(versionCode),
      changedById: author.id,
      changedByEmail: author.email,
      changedAt: now,
    });
    const existing = await manager.find(CodebookCode, { where: { studyId } });
    const wanted = new Map(codes.map((c, position) => [c.guid, { code: c, position }]));
    const gone = existing.filter((row) => !wanted.has(row.guid));
    if (gone.length) await this.refuseRemovingCodedCodes(gone);
    if (gone.length)
      await manager.delete(
        CodebookCode,
        gone.map((row) => row.id),
      );
    const kept = existing.filter((row) => wanted.has(row.guid));
    const changed = kept.filter((row) => !sameRow(row, wanted.get(row.guid)!.code, wanted.get(row.guid)!.position));
    for (const row of changed)
      await manager.update(CodebookCode, row.id, { pathKey: `\u0001${row.id}`, tekstId: null });
    for (const row of changed) {
      const { code, position } = wanted.get(row.guid)!;
      await manager.update(CodebookCode, row.id, { ...columns(code), position, updatedAt: now });
    }
    const known = new Set(existing.map((row) => row.guid));
    const fresh = codes.map((code, position) => ({ code, position })).filter(({ code }) => !known.has(code.guid));
    for (const { code, position } of fresh) {
      await manager.insert(CodebookCode, {
        studyId,
        guid: code.guid,
        ...columns(code),
        position,
        createdAt: now,
        updatedAt: now,
      });
    }
    return this.codesOf(studyId);
  }
}

/** The path key with a separator PostgreSQL text can hold (it refuses NUL). */
function storedPathKey(path: string[]): string {
  return pathKey(path).split('\u0000').join('\u001f');
}

function columns(code: StoredCode) {
  return {
    label1: code.path[0],
    label2: code.path[1] ?? null,
    label3: code.path[2] ?? null,
    pathKey: storedPathKey(code.path),
    tekstId: code.tekstId,
    logtekst: code.logtekst,
    colour: code.colour,
    builtIn: code.builtIn,
  };
}

function sameRow(row: CodebookCode, code: StoredCode, position: number): boolean {
  const c = columns(code);
  return (
    row.label1 === c.label1 &&
    row.label2 === c.label2 &&
    row.label3 === c.label3 &&
    row.tekstId === c.tekstId &&
    row.logtekst === c.logtekst &&
    row.colour === c.colour &&
    row.builtIn === c.builtIn &&
    row.position === position
  );
}

function toStored(row: CodebookCode): StoredCode {
  return {
    id: row.id,
    guid: row.guid,
    path: [row.label1, row.label2, row.label3].filter((l): l is string => l !== null),
    tekstId: row.tekstId,
    logtekst: row.logtekst,
    colour: row.colour,
    builtIn: row.builtIn,
  };
}
