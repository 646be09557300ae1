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
import { DataSource, In, IsNull, MoreThan, Repository } from 'typeorm';
import { writeAuditEntry } from '../audit/audit-trail';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { normalizeEmail } from '../common/validation/email';
import { Environment } from '../config/environment';
import { Mentor } from '../mentors/mentor.entity';
import { Participant } from '../participants/participant.entity';
import { Stage } from '../stages/stage.entity';
import {
  AcceptInvitationDto,
  AccountResponse,
  InvitationResponse,
  InviteDto,
  ListAccountsQuery,
} from './account.dto';
import { Account } from './account.entity';
import { Invitation } from './invitation.entity';
import { hashPassword } from './passwords';

const HOUR_MS = 3_600_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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
  ) {}

  /** The first organizer comes from ADMIN_EMAIL and ADMIN_PASSWORD when none exists. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!email || !password || (await this.accounts.existsBy({ role: 'organizer' }))) {
      return;
    }
    if (await this.accounts.existsBy({ email: normalizeEmail(email) })) {
      this.logger.warn(`ADMIN_EMAIL belongs to an account that is not an organizer; none created`);
      return;
    }
    await this.accounts.save(
      this.accounts.create({
        email: normalizeEmail(email),
        fullName: 'Organizer',
        role: 'organizer',
        passwordHash: await hashPassword(password),
        participantId: null,
        mentorId: null,
      }),
    );
    this.logger.log('The first organizer account was created from ADMIN_EMAIL');
  }

  /** Creates the account and a one-time invitation whose link the organizer passes on. */
  async invite(dto: InviteDto, invitedById: number): Promise<InvitationResponse> {
    const fullName = await this.checkInvitation(dto);
    return this.dataSource.transaction(async (manager) => {
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
        await writeAuditEntry(manager, {
          action: 'create',
          entity: 'stage_hosts',
          entityId: `${stageId}:${account.id}`,
          changes: { stageId: { to: stageId }, accountId: { to: account.id } },
        });
      }
      return this.issueInvitation(account, invitedById, manager.getRepository(Invitation));
    });
  }

  /** A new link for an account (lost, expired, or a forgotten password); older links stop working. */
  async reinvite(accountId: number, invitedById: number): Promise<InvitationResponse> {
    const account = await this.findOrFail(accountId);
    return this.dataSource.transaction(async (manager) => {
      const invitations = manager.getRepository(Invitation);
      await invitations.update(
        { accountId, acceptedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
        { expiresAt: this.clock.now() },
      );
      return this.issueInvitation(account, invitedById, invitations);
    });
  }

  /** Sets the password; the invitation is used up atomically, so it works exactly once. */
  async acceptInvitation({ token, password }: AcceptInvitationDto): Promise<Account> {
    const now = this.clock.now();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const invitations = manager.getRepository(Invitation);
      const invitation = await invitations.findOneBy({ tokenHash: hashToken(token) });
      const claimed =
        invitation &&
        (await invitations.update(
          { id: invitation.id, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
          { acceptedAt: now },
        ));
      if (!invitation || !claimed?.affected) {
        throw new BadRequestException(['token is invalid, already used or expired']);
      }
      const accounts = manager.getRepository(Account);
      const account = await accounts.findOneByOrFail({ id: invitation.accountId });
      account.passwordHash = passwordHash;
      return accounts.save(account);
    });
  }

  async list(query: ListAccountsQuery): Promise<Page<AccountResponse>> {
    const page = await this.accounts.findAndCount({
      where: { role: query.role },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, AccountResponse.from);
  }

  async get(id: number): Promise<AccountResponse> {
    return AccountResponse.from(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Account> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) {
      throw notFound('Account', id);
    }
    return account;
  }

  private async issueInvitation(
    account: Account,
    invitedById: number,
    invitations: Repository<Invitation>,
  ): Promise<InvitationResponse> {
    const token = randomBytes(32).toString('base64url');
    const ttlHours = this.config.get('INVITATION_TTL_HOURS', { infer: true });
    const expiresAt = new Date(this.clock.now().getTime() + ttlHours * HOUR_MS);
    await invitations.save(
      invitations.create({
        accountId: account.id,
        tokenHash: hashToken(token),
        expiresAt,
        acceptedAt: null,
        invitedById,
      }),
    );
    const url = new URL('/accept-invitation', this.config.get('PUBLIC_URL', { infer: true }));
    url.searchParams.set('token', token);
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
    await this.checkFree(dto);
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

  private async checkFree(dto: InviteDto): Promise<void> {
    if (await this.accounts.existsBy({ email: dto.email })) {
      throw new ConflictException(`An account with email ${dto.email} already exists`);
    }
    if (dto.participantId && (await this.accounts.existsBy({ participantId: dto.participantId }))) {
      throw new ConflictException(`Participant ${dto.participantId} already has an account`);
    }
    if (dto.mentorId && (await this.accounts.existsBy({ mentorId: dto.mentorId }))) {
      throw new ConflictException(`Mentor ${dto.mentorId} already has an account`);
    }
  }
}
