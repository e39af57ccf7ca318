import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '../common/paging';
import { AppError } from '../common/app-error';
import { hashToken, randomToken } from '../common/tokens';
import { AuditService } from '../audit/audit.service';
import { STUDY_DIRECTORY, StudyDirectory } from '../common/study-directory';
import { AuthUser } from './auth-user';
import { LoginSession } from './login-session.entity';
import { PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, accountAddressKey, addressKey } from './login-throttle';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from './password';
import { Role, ROLES, User } from './user.entity';
import { UserRepository } from './user.repository';

export const SESSION_HOURS = 12;

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  organisation?: string | null;
  password: string;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleRepository,
    @Inject(STUDY_DIRECTORY) private readonly directory: StudyDirectory,
  ) {}

  /**
   * Returns the new session's cookie token (only its hash is stored). The try is counted against the throttle
   * (login-throttle.ts) before the password is checked, so parallel guesses cannot slip past the count.
   */
  async login(
    email: string,
    password: string,
    ip: string,
    now = new Date(),
  ): Promise<{ token: string; user: AuthUser }> {
    const pair = accountAddressKey(email, ip);
    const address = addressKey(ip);
    const wait = await this.throttle.reserve(
      [
        { key: pair, policy: PER_ACCOUNT_AND_ADDRESS },
        { key: address, policy: PER_ADDRESS },
      ],
      now,
    );
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new AppError(
        'too_many_requests',
        'auth.throttled',
        `Too many failed logins from here. For your safety, please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        {
          retryAfterSeconds: wait,
        },
        { count: minutes },
      );
    }
    const user = await this.users.findByEmail(email);
    // Verify against a dummy hash when the account does not exist, so timing does not reveal which e-mails exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw new AppError(
        'unauthenticated',
        'auth.invalid_credentials',
        'The e-mail address or password is not correct.',
      );
    }
    await this.throttle.succeeded(pair, address, now);
    const token = randomToken();
    await this.dataSource.getRepository(LoginSession).insert({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    return { token, user: toAuthUser(user) };
  }

  async resolveSession(token: string | undefined): Promise<AuthUser | null> {
    if (!token) return null;
    const session = await this.dataSource.getRepository(LoginSession).findOneBy({ tokenHash: hashToken(token) });
    if (!session || session.expiresAt.getTime() < Date.now()) return null;
    const user = await this.users.findById(session.userId);
    return user && user.active ? toAuthUser(user) : null;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.dataSource.getRepository(LoginSession).delete({ tokenHash: hashToken(token) });
  }

  async createUser(input: NewUser, actor: AuthUser | null): Promise<AuthUser> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw AppError.invalid(
        'user.email_invalid',
        `"${input.email}" is not an e-mail address.`,
        { email: ['is not an e-mail address'] },
        { email: input.email },
      );
    if (!ROLES.includes(input.role))
      throw AppError.invalid(
        'user.role_invalid',
        `Role must be one of ${ROLES.join(', ')}.`,
        { role: [`must be one of ${ROLES.join(', ')}`] },
        { roles: ROLES.join(', ') },
      );
    if (input.password.length < PASSWORD_MIN_LENGTH) {
      throw AppError.invalid(
        'user.password_too_short',
        `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
        { password: [`must be at least ${PASSWORD_MIN_LENGTH} characters`] },
        { min: PASSWORD_MIN_LENGTH },
      );
    }
    let organisationId: number | null = null;
    if (input.role === 'partner') {
      if (!input.organisation)
        throw AppError.invalid('user.organisation_required', 'A partner account needs an organisation.', {
          organisation: ['is required for partners'],
        });
      const org = await this.directory.organisationByName(input.organisation.trim());
      if (!org) {
        const known = await this.directory.organisations();
        throw AppError.invalid(
          'user.organisation_unknown',
          `Unknown organisation "${input.organisation}". Known: ${known.map((o) => o.name).join(', ') || 'none yet'}.`,
          undefined,
          { organisation: input.organisation, known: known.map((o) => o.name).join(', ') || '—' },
        ).withProblems({
          organisation: [{ key: 'formRefusal.user.organisation_unknown' }],
        });
      }
      organisationId = org.id;
    } else if (input.organisation) {
      throw AppError.invalid(
        'user.organisation_not_allowed',
        'Only partner accounts belong to an organisation.',
      ).withProblems({ organisation: [{ key: 'formRefusal.user.organisation_not_allowed' }] });
    }
    if (await this.users.findByEmail(email))
      throw AppError.conflict('user.email_taken', `An account for ${email} already exists.`, undefined, {
        email,
      }).withProblems({ email: [{ key: 'formRefusal.user.email_taken' }] });
    const passwordHash = await hashPassword(input.password);
    // Hashed before the transaction: on SQLite a transaction holds every other one up while it runs.
    return this.txHost.withTransaction(async () => {
      const row = { email, name: input.name?.trim() || email.split('@')[0], role: input.role, organisationId };
      return this.insertUser({ ...row, passwordHash, active: true }, actor, {});
    });
  }

  async listUsers(page: { offset: number; limit: number }): Promise<Page<AuthUser>> {
    const { items, total } = await this.users.listPage(page.offset, page.limit);
    return { items: items.map(toAuthUser), total, offset: page.offset, limit: page.limit };
  }

  /**
   * A coder that an imported QDA project names and no account matches: an inactive researcher account, so it
   * cannot log in (an admin may give it a password and activate it), with an address that is no mailbox
   * (`.invalid`). Joins the caller's transaction.
   */
  async createCoderIdentity(input: { name: string; email: string }, actor: AuthUser | null): Promise<AuthUser> {
    const row = { email: input.email.trim().toLowerCase(), name: input.name.trim().slice(0, 200) };
    return this.insertUser(
      { ...row, role: 'researcher', organisationId: null, passwordHash: DUMMY_HASH, active: false },
      actor,
      { coderIdentity: true },
    );
  }

  /** Stores an account and audits its creation; joins the caller's transaction. */
  private async insertUser(
    row: Omit<User, 'id' | 'createdAt'>,
    actor: AuthUser | null,
    details: Record<string, unknown>,
  ): Promise<AuthUser> {
    const user = await this.users.insert({ ...row, createdAt: new Date() });
    await this.audit.record({
      actor,
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      details: { email: user.email, role: user.role, ...details },
    });
    return toAuthUser(user);
  }

  async countUsers(): Promise<number> {
    return this.users.count();
  }

  /** Partners' organisations by id, for showing accounts. */
  async organisationNames(ids: number[]): Promise<Map<number, string>> {
    const orgs = await this.directory.organisations(ids);
    return new Map(orgs.map((o) => [o.id, o.name]));
  }
}

export function toAuthUser(u: User): AuthUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
