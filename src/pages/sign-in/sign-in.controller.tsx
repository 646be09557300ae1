import {
  BadRequestException,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { Response } from 'express';
import { AcceptInvitationDto, MIN_PASSWORD_LENGTH } from '../../accounts/account.dto';
import { Account } from '../../accounts/account.entity';
import { AccountsService } from '../../accounts/accounts.service';
import { LoginDto } from '../../auth/auth.dto';
import { AuthService } from '../../auth/auth.service';
import { readForm } from '../shared/forms';
import { FormBody, Page, PageContext } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { PAGE_OPTIONS, PageOptions } from '../shared/page-options';
import { homeOf, localPath, seeOther } from '../shared/redirects';
import { sendPage } from '../shared/render';
import { SESSION_COOKIE, sessionCookieOptions } from '../shared/session-cookie';
import { signInTexts } from './sign-in.messages';
import { AcceptInvitationPage, SignInPage } from './sign-in.views';

type Form = Record<string, string>;

/** Signing in and out of the web pages, and setting the password of an invitation. */
@PageController()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    @Inject(PAGE_OPTIONS) private readonly options: PageOptions,
  ) {}

  @Get()
  home(@Page() page: PageContext, @Query('next') next: unknown, @Res() response: Response): void {
    if (page.actor) {
      return seeOther(response, localPath(next) ?? homeOf(page.actor));
    }
    sendPage(response, <SignInPage page={page} next={localPath(next)} />);
  }

  @Post('sign-in')
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  async signIn(@Page() page: PageContext, @FormBody() form: Form, @Res() response: Response) {
    const next = localPath(form.next);
    const { value, errors } = await readForm(
      LoginDto,
      { email: form.email, password: form.password },
      page.locale,
    );
    if (errors) {
      return sendPage(
        response,
        <SignInPage page={page} email={form.email} next={next} errors={errors} />,
        400,
      );
    }
    let account: Account;
    try {
      account = await this.auth.checkCredentials(value);
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      const problems = [signInTexts(page.locale).wrongCredentials];
      return sendPage(
        response,
        <SignInPage page={page} email={form.email} next={next} problems={problems} />,
        401,
      );
    }
    await this.startSession(response, account);
    seeOther(response, next ?? homeOf(account));
  }

  @Post('sign-out')
  async signOut(@Page() page: PageContext, @Res() response: Response): Promise<void> {
    await this.accounts.endSignIns(page.caller);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.options.production));
    seeOther(response, '/');
  }

  @Get('accept-invitation')
  async acceptInvitationForm(
    @Page() page: PageContext,
    @Query('token') token: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const shown = typeof token === 'string' ? token : '';
    // A link used, replaced or expired says so at once, before a password is typed for nothing.
    const usable = shown === '' || (await this.accounts.isInvitationUsable(shown));
    sendPage(
      response,
      <AcceptInvitationPage
        page={page}
        token={shown}
        usable={usable}
        minLength={MIN_PASSWORD_LENGTH}
      />,
      shown === '' ? 400 : usable ? 200 : 410,
    );
  }

  @Post('accept-invitation')
  @UseGuards(ThrottlerGuard)
  // As the API's: per address only, for an invitation is no account to guess a password of.
  @SkipThrottle({ account: true, addressAndAccount: true })
  @HttpCode(200)
  async acceptInvitation(
    @Page() page: PageContext,
    @FormBody() form: Form,
    @Res() response: Response,
  ) {
    const t = signInTexts(page.locale);
    const token = typeof form.token === 'string' ? form.token : '';
    const { value, errors = {} } = await readForm(
      AcceptInvitationDto,
      { token, password: form.password },
      page.locale,
    );
    if (!errors.password && form.password !== form.repeatPassword) {
      errors.repeatPassword = [t.passwordsDiffer];
    }
    const answer = (status: number, problems: string[] = []) =>
      sendPage(
        response,
        <AcceptInvitationPage
          page={page}
          token={token}
          minLength={MIN_PASSWORD_LENGTH}
          errors={errors}
          problems={problems}
        />,
        status,
      );
    // A link that stopped working while its form was open is answered as the link itself is.
    const linkGone = () =>
      sendPage(
        response,
        <AcceptInvitationPage
          page={page}
          token={token}
          usable={false}
          minLength={MIN_PASSWORD_LENGTH}
        />,
        410,
      );
    if (!value || Object.keys(errors).length > 0) {
      return answer(400, errors.token ? [t.linkInvalid] : []);
    }
    let account: Account;
    try {
      account = await this.accounts.acceptInvitation(value);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      return linkGone();
    }
    await this.startSession(response, account);
    seeOther(response, homeOf(account));
  }

  private async startSession(response: Response, account: Account): Promise<void> {
    const token = await this.auth.issuePageSession(account);
    const maxAgeMs = this.options.sessionTtlHours * 3600 * 1000;
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.options.production, maxAgeMs));
  }
}
