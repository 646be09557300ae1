import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Role } from '../accounts/account.entity';
import { ANONYMOUS, Caller } from '../access/caller';
import { Actor } from './actor';

export const PUBLIC_ROUTE = 'publicRoute';
export const OPTIONAL_SIGN_IN = 'optionalSignIn';
export const ALLOWED_ROLES = 'allowedRoles';

/** Anyone may call the route, without a token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Anyone may call the route; a bearer token, when one is sent, is checked as anywhere else and
 * makes the caller that account (`CurrentCaller`), else the caller is anonymous.
 */
export const SignInOptional = () => SetMetadata(OPTIONAL_SIGN_IN, true);

/** Only these roles may call the route (403 for the others). Without it: every signed-in role. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in caller. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);

/** The signed-in caller, or anonymous on a `SignInOptional` route without a token. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? ANONYMOUS,
);
