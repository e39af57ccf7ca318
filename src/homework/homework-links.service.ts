import { randomBytes } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { RateLimitService } from '../auth/rate-limit.service';
import { rateWindow } from '../auth/rate-limit';
import { AppError } from '../common/app-error';
import { hashToken } from '../common/tokens';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { StudyQueryService } from '../studies/study-query.service';
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
    private readonly throttle: RateLimitService,
    private readonly studies: StudyQueryService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** 128 random bits of nonce; token and code follow from it with the server secret. */
  newCredentials(): Credentials {
    return this.credentialsFor(randomBytes(16).toString('hex'));
  }

  /** New credentials whose code no assignment has yet: codes are short enough for a clash to be possible. */
  async uniqueCredentials(): Promise<Credentials> {
    for (;;) {
      const credentials = this.newCredentials();
      if (!(await this.homework.codeHashTaken(credentials.codeHash))) return credentials;
    }
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
  @Transactional()
  async currentCredentials(assignment: HomeworkAssignment): Promise<Credentials> {
    const derived = this.credentialsFor(assignment.credentialNonce);
    if (derived.tokenHash === assignment.tokenHash && derived.codeHash === assignment.codeHash) return derived;
    const fresh = this.newCredentials();
    Object.assign(assignment, { credentialNonce: fresh.nonce, tokenHash: fresh.tokenHash, codeHash: fresh.codeHash });
    await this.homework.save(assignment);
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
   * The assignment behind a link (/h/<token>) or a typed code (/h/<CODE>). Codes are short, so each try of one
   * takes one of an address's ten tries per quarter of an hour before it is checked (a right code gives it back):
   * of many parallel guesses at most ten are checked, and a right code after them is refused too.
   */
  async resolve(key: string, ip: string, now = new Date()): Promise<LinkLookup> {
    const stored = await this.storedKey(key, ip, now);
    return this.found(stored, stored && (await this.homework.findLink(stored.column, stored.hash)));
  }

  /** As resolve, without reading the answers: for saving new ones. */
  async resolveState(key: string, ip: string, now = new Date()): Promise<LinkLookup<AssignmentState>> {
    const stored = await this.storedKey(key, ip, now);
    return this.found(stored, stored && (await this.homework.findLinkState(stored.column, stored.hash)));
  }

  /**
   * Saves a draft if the link opens and the answers may change, in one statement, and answers null; if not, the
   * assignment as resolveState finds it (the caller says why). A code takes its try from the throttle once.
   */
  async saveDraftIfEditable(
    key: string,
    ip: string,
    draft: { revision: number; data: HomeworkAnswers; currentPage: string | null },
    now: Date,
  ): Promise<LinkLookup<AssignmentState> | null> {
    // A private link needs no throttle, so no await: every promise on the busiest request costs (bench/homework.ts).
    const stored = normaliseCode(key) ? await this.storedKey(key, ip, now) : this.storedToken(key);
    if (
      stored &&
      (await this.homework.saveDraftIfEditable(
        stored.column,
        stored.hash,
        draft.revision,
        draft.data,
        draft.currentPage,
        now,
      ))
    ) {
      if (stored.codeTry) await this.throttle.refund(stored.codeTry.bucket, stored.codeTry.window);
      return null;
    }
    return this.found(stored, stored && (await this.homework.findLinkState(stored.column, stored.hash)));
  }

  /** A right code gives its try back; an unknown one keeps it as a failure. */
  private async found<A extends Pick<AssignmentState, 'studyId' | 'erasedAt'>>(
    stored: StoredKey | null,
    lookup: LinkLookup<A> | null,
  ): Promise<LinkLookup<A>> {
    if (!lookup)
      throw new AppError(
        'not_found',
        'homework.not_found',
        'This link or code is not known. Check the letter, or call the number in it for help.',
      );
    if (stored?.codeTry) await this.throttle.refund(stored.codeTry.bucket, stored.codeTry.window);
    const closed = linkClosedReason({ erasedAt: lookup.assignment.erasedAt, studyClosed: lookup.studyClosed });
    if (closed) {
      // Only a closed link needs the study: its helpline is on the page that says so.
      const helpPhone = this.helpPhone((await this.studies.byId(lookup.assignment.studyId))?.helpPhone);
      throw new AppError(
        'gone',
        `homework.${closed}`,
        `This homework link no longer works. Questions? Call ${helpPhone}.`,
        { helpPhone },
      );
    }
    return lookup;
  }

  /** Where and how a link or a typed code is stored (only hashes are), once the code throttle gave a code its try. */
  private async storedKey(key: string, ip: string, now: Date): Promise<StoredKey | null> {
    const code = normaliseCode(key);
    if (code)
      return {
        column: 'codeHash',
        hash: hashCode(this.config.sessionSecret, code),
        codeTry: await this.takeCodeTry(ip, now),
      };
    return this.storedToken(key);
  }

  private storedToken(key: string): StoredKey | null {
    if (key.length > MAX_KEY_LENGTH) return null;
    return { column: 'tokenHash', hash: hashToken(key) };
  }

  private async takeCodeTry(ip: string, now: Date): Promise<{ bucket: string; window: number }> {
    const bucket = `homework-code:${ip}`;
    const window = rateWindow(now.getTime(), CODE_THROTTLE_WINDOW_MINUTES);
    if (await this.throttle.reserve(bucket, window.index, MAX_CODE_FAILURES_PER_IP))
      return { bucket, window: window.index };
    throw new AppError(
      'too_many_requests',
      'homework.code_throttled',
      `That code was not right several times. For your safety, please wait ${CODE_THROTTLE_WINDOW_MINUTES} minutes and try again, or call the number in the letter.`,
      { retryAfterMinutes: Math.ceil(window.retryAfterSeconds / 60), retryAfterSeconds: window.retryAfterSeconds },
    );
  }
}

interface StoredKey {
  column: LinkColumn;
  hash: string;
  /** A typed code's try, taken from the throttle (rate-limit.repository.ts) before it is checked. */
  codeTry?: { bucket: string; window: number };
}
