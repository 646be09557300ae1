import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { Role } from '../accounts/account.entity';
import { requestContext } from '../common/request-context';
import { parameterMarker } from '../database/sql';
import { Actor } from './actor';
import { ALLOWED_ROLES, OPTIONAL_SIGN_IN, PUBLIC_ROUTE } from './auth.decorators';
import { AccessTokenClaims, TOKEN_ALGORITHM } from './auth.service';

const MAX_ID = 2_147_483_647;

/** What the guard reads of an account that may sign in. */
interface SignInState {
  role: Role;
  participantId: number | string | null;
  mentorId: number | string | null;
  tokenVersion: number | string;
}

/** The account id of a token's `sub`: a positive 32-bit integer written plainly, else none. */
function readAccountId(sub: unknown): number | undefined {
  const id = typeof sub === 'string' && /^[1-9]\d{0,9}$/.test(sub) ? Number(sub) : NaN;
  return id <= MAX_ID ? id : undefined;
}

/**
 * Every route needs a valid bearer token unless marked `@Public()`; `@Roles()` narrows who may
 * call it. The account is read on every request, so a changed role counts at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    // Read on every request, so kept lean: one indexed row, only what the check needs.
    this.signInStateQuery =
      'SELECT "role", "participantId", "mentorId", "tokenVersion" FROM "accounts" ' +
      `WHERE "id" = ${parameterMarker(dataSource, 1)} ` +
      'AND "passwordHash" IS NOT NULL AND "deactivatedAt" IS NULL';
  }

  private readonly signInStateQuery: string;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    if (
      request.headers.authorization === undefined &&
      this.reflector.getAllAndOverride<boolean>(OPTIONAL_SIGN_IN, targets)
    ) {
      return true;
    }
    const actor = await this.authenticate(request);
    request.actor = actor;
    const store = requestContext.getStore();
    if (store) {
      store.actor = actor;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenException(`Only ${roles.join(' or ')} may do this`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Actor> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required');
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: [TOKEN_ALGORITHM],
      });
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    const accountId = readAccountId(claims.sub);
    const [account]: SignInState[] = accountId
      ? await this.dataSource.query(this.signInStateQuery, [accountId])
      : [];
    // A deactivation or a password change raises the token version: older tokens end at once.
    if (!account || Number(account.tokenVersion) !== claims.ver) {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    return {
      accountId: accountId!,
      role: account.role,
      participantId: account.participantId === null ? null : Number(account.participantId),
      mentorId: account.mentorId === null ? null : Number(account.mentorId),
    };
  }
}
