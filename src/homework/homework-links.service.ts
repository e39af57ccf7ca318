import { randomBytes } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { hashToken } from '../common/tokens';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { HomeworkAnswers, HomeworkAssignment } from './homework-assignment.entity';
import { linkClosedReason } from './homework-rules';
import { AssignmentState, HomeworkRepository, LinkColumn, LinkLookup } from './homework.repository';
import { deriveCode, deriveToken, formatCode, hashCode, normaliseCode } from './short-code';

export const CODE_THROTTLE_WINDOW_MINUTES = 15;
export const MAX_CODE_FAILURES_PER_IP = 10;
const MAX_KEY_LENGTH = 100;

export interface Credentials {
  nonce: string;
  token: string;
  code: string;
  tokenHash: string;
  codeHash: string;
}

/** Private links and short codes: making them, and finding the one assignment a link or code opens. */
@Injectable()
export class HomeworkLinksService {
  constructor(
    private readonly homework: HomeworkRepository,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** 128 random bits of nonce; token and code follow from it with the server secret. */
  newCredentials(): Credentials {
    return this.credentialsFor(randomBytes(16).toString('hex'));
  }

  credentialsFor(nonce: string): Credentials {
    const token = deriveToken(this.config.sessionSecret, nonce);
    const code = deriveCode(this.config.sessionSecret, nonce);
    return { nonce, token, code, tokenHash: hashToken(token), codeHash: hashCode(this.config.sessionSecret, code) };
  }

  /**
   * The assignment's current link and code, for a reminder or a reprinted letter. If the server secret changed
   * since they were made, the old ones can no longer be shown: new ones are made (and stored) instead.
   */
  async currentCredentials(assignment: HomeworkAssignment, manager: EntityManager): Promise<Credentials> {
    const derived = this.credentialsFor(assignment.credentialNonce);
    if (derived.tokenHash === assignment.tokenHash && derived.codeHash === assignment.codeHash) return derived;
    const fresh = this.newCredentials();
    Object.assign(assignment, { credentialNonce: fresh.nonce, tokenHash: fresh.tokenHash, codeHash: fresh.codeHash });
    await this.homework.save(assignment, manager);
    return fresh;
  }

  link(token: string): string {
    return `${this.config.baseUrl}/h/${token}`;
  }

  codeEntryUrl(): string {
    return `${this.config.baseUrl}/h`;
  }

  displayCode(code: string): string {
    return formatCode(code);
  }

  helpPhone(studyHelpPhone?: string | null): string {
    return studyHelpPhone || this.config.helpPhone;
  }

  /**
   * The assignment behind a link (/h/<token>) or a typed code (/h/<CODE>). Codes are short, so failed guesses
   * are counted per IP in the database (all app instances agree) and refused after ten in fifteen minutes.
   */
  resolve(key: string, ip: string, now = new Date()): Promise<LinkLookup> {
    return this.lookUp(key, ip, now, (column, hash) => this.homework.findLink(column, hash));
  }

  /** As resolve, without reading the answers: for saving new ones. */
  resolveState(key: string, ip: string, now = new Date()): Promise<LinkLookup<AssignmentState>> {
    return this.lookUp(key, ip, now, (column, hash) => this.homework.findLinkState(column, hash));
  }

  /**
   * Saves a draft if the link opens and the answers may change, in one statement; false if not (then resolveState
   * says why). A code is checked against the throttle first, as on every use.
   */
  async saveDraftIfEditable(key: string, ip: string, draft: { revision: number; data: HomeworkAnswers; currentPage: string | null }, now: Date): Promise<boolean> {
    const stored = await this.storedKey(key, ip, now);
    return !!stored && this.homework.saveDraftIfEditable(stored.column, stored.hash, draft.revision, draft.data, draft.currentPage, now);
  }

  private async lookUp<A>(key: string, ip: string, now: Date, find: (column: LinkColumn, hash: string) => Promise<LinkLookup<A> | null>): Promise<LinkLookup<A>> {
    const stored = await this.storedKey(key, ip, now);
    const lookup = stored ? await find(stored.column, stored.hash) : null;
    if (!lookup) {
      if (stored?.column === 'codeHash') await this.homework.recordFailure(throttleKey(ip), now, windowStart(now));
      throw new AppError('not_found', 'homework.not_found', 'This link or code is not known. Check the letter, or call the number in it for help.');
    }
    const closed = linkClosedReason({ status: lookup.studyStatus }, { status: lookup.respondentStatus, erasedAt: lookup.respondentErasedAt });
    if (closed) {
      const helpPhone = this.helpPhone(lookup.studyHelpPhone);
      throw new AppError('gone', `homework.${closed}`, `This homework link no longer works. Questions? Call ${helpPhone}.`, { helpPhone });
    }
    return lookup;
  }

  /** Where and how a link or a typed code is stored (only hashes are), once the code throttle allows a try. */
  private async storedKey(key: string, ip: string, now: Date): Promise<{ column: LinkColumn; hash: string } | null> {
    const code = normaliseCode(key);
    if (code) await this.assertNotThrottled(ip, now);
    if (key.length > MAX_KEY_LENGTH) return null;
    return code ? { column: 'codeHash', hash: hashCode(this.config.sessionSecret, code) } : { column: 'tokenHash', hash: hashToken(key) };
  }

  async assertNotThrottled(ip: string, now = new Date()): Promise<void> {
    const failures = await this.homework.countFailures(throttleKey(ip), windowStart(now));
    if (failures >= MAX_CODE_FAILURES_PER_IP) {
      throw new AppError(
        'too_many_requests',
        'homework.code_throttled',
        `That code was not right several times. For your safety, please wait ${CODE_THROTTLE_WINDOW_MINUTES} minutes and try again, or call the number in the letter.`,
        { retryAfterMinutes: CODE_THROTTLE_WINDOW_MINUTES, retryAfterSeconds: CODE_THROTTLE_WINDOW_MINUTES * 60 },
      );
    }
  }
}

function throttleKey(ip: string): string {
  return `homework-code:ip:${ip}`;
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - CODE_THROTTLE_WINDOW_MINUTES * 60_000);
}
