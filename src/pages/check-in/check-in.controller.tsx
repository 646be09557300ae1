import { BadRequestException, ConflictException, Get, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { CheckInDto } from '../../attendance/attendance.dto';
import { AttendanceService } from '../../attendance/attendance.service';
import { CheckInWindow, checkInWindow } from '../../attendance/check-in-window';
import { CheckIns } from '../../attendance/check-ins.service';
import { Locale } from '../../common/i18n/locale';
import { PageIdParam } from '../shared/page-id-param';
import { TooManyAttemptsException } from '../../common/http/too-many-attempts';
import { Clock } from '../../common/time/clock';
import { SessionSummaries, SessionSummary, localMoment } from '../attendance/session-summary';
import { FieldErrors, readForm } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { seeOther } from '../shared/redirects';
import { sendPage } from '../shared/render';
import { checkInTexts } from './check-in.messages';
import { CheckInPage, checkInPath } from './check-in.views';

const MAX_CODE_LENGTH = 32;

interface Refusal {
  status: number;
  errors?: FieldErrors;
  problems?: string[];
}

/**
 * A participant checks itself in with the session's code: typed, or brought by the QR link
 * (`?code=`), so that opening the link and pressing one button is enough.
 */
@PageController('check-in')
@PageRoles('participant')
export class CheckInController {
  constructor(
    private readonly summaries: SessionSummaries,
    private readonly attendance: AttendanceService,
    private readonly checkIns: CheckIns,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(
    @Page() page: PageContext,
    @PageIdParam() sessionId: number,
    @Query('code') code: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { attended, summary } = await this.summaries.find(page.caller, sessionId);
    sendPage(
      response,
      <CheckInPage
        page={page}
        summary={summary}
        window={checkInWindow(attended.session, attended.program)}
        record={await this.ownRecord(page, sessionId)}
        code={typeof code === 'string' ? code.slice(0, MAX_CODE_LENGTH) : ''}
      />,
    );
  }

  @Post(':id')
  async checkIn(
    @Page() page: PageContext,
    @PageIdParam() sessionId: number,
    @FormBody() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const { attended, summary } = await this.summaries.find(page.caller, sessionId);
    const window = checkInWindow(attended.session, attended.program);
    const typed = typeof form.code === 'string' ? form.code : '';
    const answer = ({ status, errors, problems }: Refusal) =>
      sendPage(
        response,
        <CheckInPage
          page={page}
          summary={summary}
          window={window}
          record={null}
          code={typed}
          errors={errors}
          problems={problems}
        />,
        status,
      );
    const { value, errors } = await readForm(CheckInDto, { code: typed }, page.locale);
    if (errors) {
      return answer({ status: 400, errors });
    }
    try {
      await this.checkIns.checkIn(page.caller, sessionId, value);
    } catch (error) {
      if (error instanceof TooManyAttemptsException) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      return answer(this.refusalOf(error, summary, window, page.locale));
    }
    seeOther(response, checkInPath(sessionId));
  }

  /** The participant's own record of the session, if it has one (the roster shows it only itself). */
  private async ownRecord(page: PageContext, sessionId: number) {
    const roster = await this.attendance.roster(page.caller, sessionId, { limit: 1, offset: 0 });
    return (
      roster.items.find((entry) => entry.participant.id === page.actor?.participantId)
        ?.attendance ?? null
    );
  }

  /**
   * The service's refusal in the page's language: its messages are English, so each case it
   * names is told from the catalogue, with times in the stage's local time.
   */
  private refusalOf(
    error: unknown,
    summary: SessionSummary,
    window: CheckInWindow,
    locale: Locale,
  ): Refusal {
    const t = checkInTexts(locale);
    if (error instanceof BadRequestException) {
      return { status: 400, errors: { code: [t.wrongCode] } };
    }
    if (error instanceof TooManyAttemptsException) {
      return {
        status: 429,
        problems: [t.tooManyWrongCodes(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)))],
      };
    }
    if (error instanceof ConflictException) {
      const now = this.clock.now();
      const problem = summary.cancelled
        ? t.cancelled
        : now < window.opensAt
          ? t.notOpenYet(localMoment(summary, window.opensAt, locale))
          : now > window.closesAt
            ? t.closed(localMoment(summary, window.closesAt, locale))
            : t.notMember;
      return { status: 409, problems: [problem] };
    }
    throw error;
  }
}
