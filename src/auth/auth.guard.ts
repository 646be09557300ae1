import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../accounts/account.entity';
import { Request } from 'express';
import { requestContext } from '../common/request-context';
import { Actor } from './actor';
import { TokenVerifier } from './token-verifier';
import { ALLOWED_ROLES, OPTIONAL_SIGN_IN, PUBLIC_ROUTE } from './auth.decorators';

/**
 * Every route needs a valid bearer token unless marked `@Public()`; `@Roles()` narrows who may
 * call it. The account is read on every request, so a changed role counts at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

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

  private authenticate(request: Request): Promise<Actor> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required');
    }
    return this.tokens.actorOf(token);
  }
}
