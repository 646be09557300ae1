import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '../accounts/account.entity';
import { parameterMarker } from '../database/sql';
import { Actor } from './actor';
import { AccessTokenClaims, TOKEN_ALGORITHM } from './auth.service';

const MAX_ID = 2_147_483_647;

/** What a token check reads of an account that may sign in. */
interface SignInState {
  role: Role;
  participantId: number | string | null;
  mentorId: number | string | null;
  tokenVersion: number | string;
  locale?: string | null;
}

/** A signed-in account as the web pages need it: the caller and the language it chose. */
export interface SignedInAccount {
  actor: Actor;
  /** The account's own choice, else its participant's; null when none is known. */
  locale: string | null;
}

/** The account id of a token's `sub`: a positive 32-bit integer written plainly, else none. */
function readAccountId(sub: unknown): number | undefined {
  const id = typeof sub === 'string' && /^[1-9]\d{0,9}$/.test(sub) ? Number(sub) : NaN;
  return id <= MAX_ID ? id : undefined;
}

/**
 * Turns a signed token (the API's bearer token or the pages' session cookie) into its account.
 * The account is read on every request, so a changed role or a deactivation counts at once.
 */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.dataSource = dataSource;
    const id = parameterMarker(dataSource, 1);
    // Read on every API request, so kept lean: one indexed row, only what the check needs.
    this.signInStateQuery =
      'SELECT "role", "participantId", "mentorId", "tokenVersion" FROM "accounts" ' +
      `WHERE "id" = ${id} AND "passwordHash" IS NOT NULL AND "deactivatedAt" IS NULL`;
    this.signInStateWithLocaleQuery =
      'SELECT a."role", a."participantId", a."mentorId", a."tokenVersion", ' +
      'COALESCE(np."locale", p."locale") AS "locale" FROM "accounts" a ' +
      'LEFT JOIN "notification_preferences" np ON np."accountId" = a."id" ' +
      'LEFT JOIN "participants" p ON p."id" = a."participantId" ' +
      `WHERE a."id" = ${id} AND a."passwordHash" IS NOT NULL AND a."deactivatedAt" IS NULL`;
  }

  private readonly dataSource: DataSource;
  private readonly signInStateQuery: string;
  private readonly signInStateWithLocaleQuery: string;

  /** The account of an API bearer token. */
  async actorOf(token: string): Promise<Actor> {
    return (await this.verify(token, this.signInStateQuery, undefined)).actor;
  }

  /** The account of a web pages' session cookie. */
  accountOf(token: string): Promise<SignedInAccount> {
    return this.verify(token, this.signInStateWithLocaleQuery, 'pages');
  }

  private async verify(
    token: string,
    query: string,
    use: AccessTokenClaims['use'],
  ): Promise<SignedInAccount> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: [TOKEN_ALGORITHM],
      });
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    // A session cookie is no API token and the other way round: each lives as long as its use.
    if (claims.use !== use) {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    const accountId = readAccountId(claims.sub);
    const [account]: SignInState[] = accountId
      ? await this.dataSource.query(query, [accountId])
      : [];
    // A deactivation or a password change raises the token version: older tokens end at once.
    if (!account || Number(account.tokenVersion) !== claims.ver) {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    return {
      actor: {
        accountId: accountId!,
        role: account.role,
        participantId: account.participantId === null ? null : Number(account.participantId),
        mentorId: account.mentorId === null ? null : Number(account.mentorId),
      },
      locale: account.locale ?? null,
    };
  }
}
