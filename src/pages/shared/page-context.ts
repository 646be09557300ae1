import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { ANONYMOUS, Caller } from '../../access/caller';
import { Role } from '../../accounts/account.entity';
import { Actor } from '../../auth/actor';
import { TokenVerifier } from '../../auth/token-verifier';
import { Locale, isLocale } from '../../common/i18n/locale';
import { CSRF, Csrf, PAGE_OPTIONS, PageOptions } from './page-options';
import { pickLocale } from './i18n';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

/** Everything a page knows of the request it answers. */
export interface PageContext {
  /** The signed-in account, or anonymous: what the services are asked as. */
  caller: Caller;
  actor: Actor | null;
  locale: Locale;
  /** The token every form and htmx request of this page sends back. */
  csrfToken: string;
  /** The path and query of this page, to come back to after signing in. */
  url: string;
}

export const LANGUAGE_COOKIE = 'lang';
const PAGE_ROLES = 'pageRoles';

/** Only these roles may open the page; anonymous visitors are sent to sign in first. */
export const PageRoles = (...roles: Role[]) => SetMetadata(PAGE_ROLES, roles);

type PageRequest = Request & { page?: PageContext };

/** The page's context, made by `PageGuard`. */
export const Page = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PageContext =>
    context.switchToHttp().getRequest<PageRequest>().page!,
);

/**
 * The web pages' sign-in: the session cookie is checked like a bearer token (a deactivated
 * account or a changed password ends it at once), a changed request must carry its CSRF token,
 * and `PageRoles` narrows who may open the page.
 */
@Injectable()
export class PageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    @Inject(CSRF) private readonly csrf: Csrf,
    @Inject(PAGE_OPTIONS) private readonly options: PageOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<PageRequest>();
    const response = http.getResponse<Response>();
    const cookies = (request.cookies ?? {}) as Record<string, string>;

    let actor: Actor | null = null;
    let accountLocale: string | null = null;
    if (cookies[SESSION_COOKIE]) {
      try {
        ({ actor, locale: accountLocale } = await this.tokens.accountOf(cookies[SESSION_COOKIE]));
      } catch {
        response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.options.production));
        delete cookies[SESSION_COOKIE];
      }
    }
    const asked = request.query.lang;
    if (isLocale(asked)) {
      response.cookie(LANGUAGE_COOKIE, asked, {
        sameSite: 'lax',
        secure: this.options.production,
        path: '/',
        maxAge: 365 * 24 * 3600 * 1000,
      });
    }
    const locale = pickLocale(
      isLocale(asked) ? asked : cookies[LANGUAGE_COOKIE],
      accountLocale,
      request.headers['accept-language'],
    );
    request.page = {
      caller: actor ?? ANONYMOUS,
      actor,
      locale,
      csrfToken: '',
      url: request.originalUrl,
    };
    const forged =
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !this.csrf.validateRequest(request);
    // Even the page refusing a forged form gets a token: its own sign-out form must work.
    request.page.csrfToken = this.csrf.generateCsrfToken(request, response);
    if (forged) {
      throw new ForbiddenException({ statusCode: 403, message: 'csrf', error: 'Forbidden' });
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !actor) {
      throw new UnauthorizedException();
    }
    if (roles && actor && !roles.includes(actor.role)) {
      throw new ForbiddenException();
    }
    return true;
  }
}

/**
 * A submitted form as sent, field by field. Not through the API's validation pipe: the page
 * reads it with `readForm`, which marks each field's problem beside it and keeps what was typed.
 */
export const FormBody = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Record<string, string> => {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    return body && typeof body === 'object' ? (body as Record<string, string>) : {};
  },
);
