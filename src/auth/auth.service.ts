import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AccountResponse } from '../accounts/account.dto';
import { Account, Role } from '../accounts/account.entity';
import { verifyNothing, verifyPassword } from '../accounts/passwords';
import { normalizeEmail } from '../common/validation/email';
import { Environment } from '../config/environment';
import { MentorResponse } from '../mentors/mentor.dto';
import { ParticipantResponse } from '../participants/participant.dto';
import { Actor } from './actor';
import { AccessTokenResponse, LoginDto } from './auth.dto';
import { MeResponse } from './me.dto';

export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The account's token version when issued: a later password change or deactivation ends it. */
  ver: number;
  /** `pages`: the web pages' session cookie, which the API does not take as a bearer token. */
  use?: 'pages';
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
    private readonly access: AccessService,
  ) {}

  async login(credentials: LoginDto): Promise<AccessTokenResponse> {
    return this.issueToken(await this.checkCredentials(credentials));
  }

  /** The account these credentials sign in to; the same refusal whatever was wrong. */
  async checkCredentials({ email, password }: LoginDto): Promise<Account> {
    const account = await this.accounts.findOneBy({ email: normalizeEmail(email) });
    const passwordMatches = account?.passwordHash
      ? await verifyPassword(account.passwordHash, password)
      : await verifyNothing(password);
    if (!account || !passwordMatches || account.deactivatedAt) {
      throw new UnauthorizedException('Wrong email or password');
    }
    return account;
  }

  /** The caller with the records its account is linked to. */
  async describe(actor: Actor): Promise<MeResponse> {
    // One query: `findOne` with relations reads the id first, then the row.
    const account = await this.accounts
      .createQueryBuilder('account')
      .leftJoinAndSelect('account.participant', 'participant')
      .leftJoinAndSelect('account.mentor', 'mentor')
      .where('account.id = :id', { id: actor.accountId })
      .getOneOrFail();
    const hostedStageIds =
      account.role === 'host' ? await this.access.hostedStageIds(account.id) : [];
    return {
      ...AccountResponse.from(account),
      participant: account.participant
        ? ParticipantResponse.from(account.participant, { contacts: true })
        : null,
      mentor: account.mentor ? MentorResponse.from(account.mentor, { contacts: true }) : null,
      hostedStageIds,
    };
  }

  /** The token of a sign-in on the web pages, for their cookie (`SESSION_TTL_HOURS`). */
  issuePageSession(account: Account): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: String(account.id),
      role: account.role,
      ver: account.tokenVersion,
      use: 'pages',
    };
    const expiresIn = this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3600;
    return this.jwt.signAsync(claims, { algorithm: TOKEN_ALGORITHM, expiresIn });
  }

  async issueToken(account: Account): Promise<AccessTokenResponse> {
    const expiresIn = this.config.get('JWT_TTL_SECONDS', { infer: true });
    const claims: AccessTokenClaims = {
      sub: String(account.id),
      role: account.role,
      ver: account.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: TOKEN_ALGORITHM, expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }
}
