import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/database-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditTrail } from '../audit/audit-trail';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { requestContext } from '../common/request-context';
import { Page, toPage } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { normalizeEmail } from '../common/validation/email';
import { Environment } from '../config/environment';
import { AccountMail } from '../notifications/account-mail';
import { Mentor } from '../mentors/mentor.entity';
import { Participant } from '../participants/participant.entity';
import { STAGE_HOSTS, Stage } from '../stages/stage.entity';
import {
  AcceptInvitationDto,
  AccountResponse,
  ChangePasswordDto,
  InvitationResponse,
  InviteDto,
  ListAccountsQuery,
  UpdateAccountDto,
} from './account.dto';
import { Account, ROLES } from './account.entity';
import { Invitation } from './invitation.entity';
import { hashPassword, verifyPassword } from './passwords';

const HOUR_MS = 3_600_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whoever holds a valid invitation acts as its account: the audit log names it. */
function actAs(account: Account): void {
  const context = requestContext.getStore();
  if (context) {
    context.actor ??= {
      accountId: account.id,
      role: account.role,
      participantId: account.participantId,
      mentorId: account.mentorId,
    };
  }
}

function invalidToken(): BadRequestException {
  return new BadRequestException(['token is invalid, already used or expired']);
}

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly access: AccessService,
    private readonly mail: AccountMail,
  ) {}

  /**
   * ADMIN_EMAIL and ADMIN_PASSWORD make the first organizer when no active one exists; if that
   * address is a deactivated organizer, it is reactivated with that password (the way back in
   * when every organizer was deactivated).
   */
  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!configured || !password) {
      return;
    }
    const email = normalizeEmail(configured);
    const passwordHash = await hashPassword(password);
    const outcome = await this.unit
      .run(async (manager) => {
        const organizers = await this.unit.lockAll(manager, Account, { role: 'organizer' });
        if (organizers.some((organizer) => organizer.passwordHash && !organizer.deactivatedAt)) {
          return 'exists';
        }
        const existing = await manager.findOneBy(Account, { email });
        if (existing && existing.role !== 'organizer') {
          return 'taken';
        }
        if (existing) {
          existing.deactivatedAt = null;
          await this.setPassword(manager, existing, passwordHash);
          return 'reactivated';
        }
        await manager.save(
          manager.create(Account, {
            email,
            fullName: 'Organizer',
            role: 'organizer',
            passwordHash,
            participantId: null,
            mentorId: null,
          }),
        );
        return 'created';
      })
      // Another instance starting at the same moment made it first.
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          return 'exists';
        }
        throw error;
      });
    const messages: Record<string, string> = {
      taken: 'ADMIN_EMAIL belongs to an account that is not an organizer; no organizer made',
      reactivated: 'No organizer was active: the ADMIN_EMAIL organizer is active again',
      created: 'The first organizer account was created from ADMIN_EMAIL',
    };
    if (outcome !== 'exists') {
      this.logger[outcome === 'taken' ? 'warn' : 'log'](messages[outcome]);
    }
  }

  /** Creates the account and a one-time invitation whose link the organizer passes on. */
  async invite(caller: Caller, dto: InviteDto): Promise<InvitationResponse> {
    this.access.requireRole(caller, 'organizer');
    const invitedById = caller.accountId;
    const fullName = await this.checkInvitation(dto);
    return this.unit.run(async (manager) => {
      await this.checkFree(manager, dto);
      const account = await manager.save(
        manager.create(Account, {
          email: dto.email,
          fullName,
          role: dto.role,
          passwordHash: null,
          participantId: dto.participantId ?? null,
          mentorId: dto.mentorId ?? null,
        }),
      );
      for (const stageId of dto.stageIds ?? []) {
        await manager.createQueryBuilder().relation(Stage, 'hosts').of(stageId).add(account.id);
        await this.audit.recordLink(manager, 'create', STAGE_HOSTS, {
          stageId,
          accountId: account.id,
        });
      }
      return this.issueInvitation(manager, account, invitedById);
    });
  }

  /** A new link for an account (lost, expired, or a forgotten password); older links stop working. */
  async reinvite(caller: Caller, accountId: number): Promise<InvitationResponse> {
    this.access.requireRole(caller, 'organizer');
    const invitedById = caller.accountId;
    return this.unit.run(async (manager) => {
      const account = await this.unit.lockOrFail(manager, Account, accountId, 'Account');
      if (account.deactivatedAt) {
        // Its link could not be used: a deactivated account cannot set a password.
        throw new ConflictException(
          `Account ${accountId} is deactivated: reactivate it before sending a new link`,
        );
      }
      const now = this.clock.now();
      const open = await manager.findBy(Invitation, {
        accountId,
        acceptedAt: IsNull(),
        expiresAt: MoreThan(now),
      });
      for (const invitation of open) {
        invitation.expiresAt = now;
      }
      await manager.save(open);
      return this.issueInvitation(manager, account, invitedById);
    });
  }

  /**
   * Mails a link to set a new password to an active account (signed up, not deactivated) with
   * this address; earlier reset links stop working. Answers the same whether or not such an
   * account exists.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const address = normalizeEmail(email);
    await this.unit.run(async (manager) => {
      const account = await this.unit.lock(manager, Account, { email: address });
      // An account still invited has no password to reset: its invitation sets the first one.
      if (!account || account.deactivatedAt || !account.passwordHash) {
        return;
      }
      actAs(account);
      const now = this.clock.now();
      const earlier = await manager.findBy(Invitation, {
        accountId: account.id,
        purpose: 'password_reset',
        acceptedAt: IsNull(),
        expiresAt: MoreThan(now),
      });
      for (const link of earlier) {
        link.expiresAt = now;
      }
      await manager.save(earlier);
      const token = randomBytes(32).toString('base64url');
      const ttlMinutes = this.config.get('PASSWORD_RESET_TTL_MINUTES', { infer: true });
      const reset = await manager.save(
        manager.create(Invitation, {
          accountId: account.id,
          purpose: 'password_reset',
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
          acceptedAt: null,
          invitedById: null,
        }),
      );
      const url = new URL('/accept-invitation', this.config.get('PUBLIC_URL', { infer: true }));
      url.searchParams.set('token', token);
      await this.mail.enqueue(manager, account, reset, url.toString());
    });
  }

  /**
   * Sets the password; the invitation is used up under a lock, so it works exactly once. The
   * token is looked up before the password is hashed: refusing a wrong token costs little.
   */
  async acceptInvitation({ token, password }: AcceptInvitationDto): Promise<Account> {
    const tokenHash = hashToken(token);
    const found = await this.invitations.findOneBy({ tokenHash });
    if (!this.isUsable(found)) {
      throw invalidToken();
    }
    const passwordHash = await hashPassword(password);
    return this.unit.run(async (manager) => {
      // The account first, then its invitation: the order in which re-inviting locks them.
      const account = await this.unit.lockOrFail(manager, Account, found.accountId, 'Account');
      const invitation = await this.unit.lock(manager, Invitation, { tokenHash });
      if (!this.isUsable(invitation) || account.deactivatedAt) {
        throw invalidToken();
      }
      actAs(account);
      invitation.acceptedAt = this.clock.now();
      await manager.save(invitation);
      return this.setPassword(manager, account, passwordHash);
    });
  }

  /**
   * Whether a link's token would still set a password now: not used, not replaced by a newer
   * link, not expired, its account not deactivated. For a page to say so before anyone types a
   * password.
   */
  async isInvitationUsable(token: string): Promise<boolean> {
    const invitation = await this.invitations.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { account: true },
    });
    return this.isUsable(invitation) && !invitation.account?.deactivatedAt;
  }

  private isUsable(invitation: Invitation | null): invitation is Invitation {
    return invitation !== null && !invitation.acceptedAt && invitation.expiresAt > this.clock.now();
  }

  /** Organizers rename, deactivate and reactivate accounts; a deactivation ends its tokens. */
  async update(caller: Caller, id: number, dto: UpdateAccountDto): Promise<AccountResponse> {
    this.access.requireRole(caller, 'organizer');
    if (id === caller.accountId && dto.status === 'deactivated') {
      throw new ConflictException('An organizer cannot deactivate its own account');
    }
    // A role never changes: read unlocked, it says which rows to lock, in the same order as
    // every other unit that locks organizers.
    const { role } = await this.findOrFail(id);
    return this.unit.run(async (manager) => {
      const deactivatingOrganizer = role === 'organizer' && dto.status === 'deactivated';
      const organizers = deactivatingOrganizer
        ? await this.unit.lockAll(manager, Account, { role: 'organizer' })
        : [];
      const account =
        organizers.find((organizer) => organizer.id === id) ??
        (await this.unit.lockOrFail(manager, Account, id, 'Account'));
      if (dto.fullName !== undefined) {
        account.fullName = dto.fullName;
      }
      if (dto.status === 'deactivated' && !account.deactivatedAt) {
        if (deactivatingOrganizer) {
          this.assertAnotherOrganizerRemains(organizers, account.id);
        }
        account.deactivatedAt = this.clock.now();
        account.tokenVersion += 1;
      }
      if (dto.status === 'active') {
        account.deactivatedAt = null;
      }
      return AccountResponse.from(await manager.save(account));
    });
  }

  /** The caller's own password; tokens issued before stop working. */
  async changePassword(caller: Caller, dto: ChangePasswordDto): Promise<Account> {
    this.access.requireRole(caller, ...ROLES);
    const actor = caller;
    const stored = await this.findOrFail(actor.accountId);
    if (!stored.passwordHash || !(await verifyPassword(stored.passwordHash, dto.currentPassword))) {
      throw new BadRequestException(['currentPassword is wrong']);
    }
    const passwordHash = await hashPassword(dto.newPassword);
    return this.unit.run(async (manager) => {
      const account = await this.unit.lockOrFail(manager, Account, actor.accountId, 'Account');
      // Hashing takes a while outside the unit: another change in the meantime wins.
      if (account.tokenVersion !== stored.tokenVersion) {
        throw new ConflictException(
          'The password or the account changed meanwhile; sign in again and retry',
        );
      }
      return this.setPassword(manager, account, passwordHash);
    });
  }

  async list(caller: Caller, query: ListAccountsQuery): Promise<Page<AccountResponse>> {
    this.access.requireRole(caller, 'organizer');
    const page = await this.accounts.findAndCount({
      where: { role: query.role },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, AccountResponse.from);
  }

  async get(caller: Caller, id: number): Promise<AccountResponse> {
    this.access.requireRole(caller, 'organizer');
    return AccountResponse.from(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Account> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) {
      throw notFound('Account', id);
    }
    return account;
  }

  /**
   * Organizers deactivate one another; the last active one may not go. The organizer rows are
   * locked together, so two organizers deactivating each other at once cannot both succeed.
   */
  private assertAnotherOrganizerRemains(organizers: Account[], leavingId: number): void {
    const remaining = organizers.filter(
      (organizer) =>
        organizer.id !== leavingId && organizer.passwordHash && !organizer.deactivatedAt,
    );
    if (remaining.length === 0) {
      throw new ConflictException('The last active organizer cannot be deactivated');
    }
  }

  /**
   * Signing out: every token of the account ends (its sign-ins on all devices and its API
   * tokens), for a token once copied would otherwise stay valid until it expires.
   */
  async endSignIns(caller: Caller): Promise<void> {
    if (caller.role === 'anonymous' || caller.role === 'feed') {
      return;
    }
    await this.unit.run(async (manager) => {
      const account = await this.unit.lockOrFail(manager, Account, caller.accountId, 'Account');
      account.tokenVersion += 1;
      await manager.save(account);
    });
  }

  private setPassword(
    manager: EntityManager,
    account: Account,
    passwordHash: string,
  ): Promise<Account> {
    account.passwordHash = passwordHash;
    account.tokenVersion += 1;
    return manager.save(account);
  }

  private async issueInvitation(
    manager: EntityManager,
    account: Account,
    invitedById: number,
  ): Promise<InvitationResponse> {
    const token = randomBytes(32).toString('base64url');
    const ttlHours = this.config.get('INVITATION_TTL_HOURS', { infer: true });
    const expiresAt = new Date(this.clock.now().getTime() + ttlHours * HOUR_MS);
    const invitation = await manager.save(
      manager.create(Invitation, {
        accountId: account.id,
        purpose: 'invitation',
        tokenHash: hashToken(token),
        expiresAt,
        acceptedAt: null,
        invitedById,
      }),
    );
    const url = new URL('/accept-invitation', this.config.get('PUBLIC_URL', { infer: true }));
    url.searchParams.set('token', token);
    await this.mail.enqueue(manager, account, invitation, url.toString());
    return {
      account: AccountResponse.from(account),
      invitationUrl: url.toString(),
      token,
      expiresAt,
    };
  }

  /** Checks the role's links; answers the account's name. */
  private async checkInvitation(dto: InviteDto): Promise<string> {
    const problems: string[] = [];
    const needs = { participant: 'participantId', mentor: 'mentorId' } as const;
    for (const [role, field] of Object.entries(needs)) {
      if (dto.role === role && dto[field] === undefined) {
        problems.push(`${field} is required for the ${role} role`);
      }
      if (dto.role !== role && dto[field] !== undefined) {
        problems.push(`${field} is only for the ${role} role`);
      }
    }
    if (dto.stageIds && dto.role !== 'host') {
      problems.push('stageIds is only for the host role');
    }
    const linked =
      (dto.participantId &&
        (await this.dataSource.getRepository(Participant).findOneBy({ id: dto.participantId }))) ||
      (dto.mentorId &&
        (await this.dataSource.getRepository(Mentor).findOneBy({ id: dto.mentorId }))) ||
      undefined;
    if (!dto.fullName && dto.participantId === undefined && dto.mentorId === undefined) {
      problems.push('fullName is required unless the account is linked to a person');
    }
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
    if (dto.participantId && !linked) {
      throw notFound('Participant', dto.participantId);
    }
    if (dto.mentorId && !linked) {
      throw notFound('Mentor', dto.mentorId);
    }
    await this.checkStagesExist(dto.stageIds ?? []);
    return dto.fullName ?? (linked as Participant | Mentor).fullName;
  }

  private async checkStagesExist(ids: number[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const found = await this.dataSource.getRepository(Stage).findBy({ id: In(ids) });
    const missing = ids.find((id) => !found.some((stage) => stage.id === id));
    if (missing !== undefined) {
      throw notFound('Stage', missing);
    }
  }

  private async checkFree(manager: EntityManager, dto: InviteDto): Promise<void> {
    if (await manager.existsBy(Account, { email: dto.email })) {
      throw new ConflictException(`An account with email ${dto.email} already exists`);
    }
    if (
      dto.participantId &&
      (await manager.existsBy(Account, { participantId: dto.participantId }))
    ) {
      throw new ConflictException(`Participant ${dto.participantId} already has an account`);
    }
    if (dto.mentorId && (await manager.existsBy(Account, { mentorId: dto.mentorId }))) {
      throw new ConflictException(`Mentor ${dto.mentorId} already has an account`);
    }
  }
}
