import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Role } from '../accounts/account.entity';
import { Actor } from './actor';

export const PUBLIC_ROUTE = 'publicRoute';
export const ALLOWED_ROLES = 'allowedRoles';

/** Anyone may call the route, without a token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route (403 for the others). Without it: every signed-in role. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in caller. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
