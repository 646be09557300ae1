import { BadRequestException, ConflictException, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AccessService } from '../../access/access.service';
import { Caller } from '../../access/caller';
import { AttendanceMarkDto } from '../../attendance/attendance.dto';
import { AttendanceService } from '../../attendance/attendance.service';
import { CheckInCodes } from '../../attendance/check-in-codes.service';
import { PageIdParam } from '../shared/page-id-param';
import { Clock } from '../../common/time/clock';
import { readForm } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { qrCodeDataUrl } from '../shared/qr-code';
import { seeOther } from '../shared/redirects';
import { sendFragment, sendPage } from '../shared/render';
import {
  CheckInCodePanel,
  CheckInCodeView,
  CheckInScreenPage,
  ROSTER_PAGE_SIZE,
  RosterMark,
  RosterPage,
  rosterPath,
} from './roster.views';
import { fromHtmx } from '../shared/htmx';
import { SessionSummaries } from './session-summary';

/** How often a fixed code is asked for again, in case staff replaced it through the API. */
const FIXED_CODE_REFRESH_SECONDS = 60;

type Form = Record<string, unknown>;

/**
 * Attendance at the door: a session's roster with one tap per person, and its check-in code
 * to put on a screen. For whoever the API lets mark the session: organizers, the stage's hosts,
 * the mentors who lead it.
 */
@PageController('sessions')
@PageRoles('organizer', 'host', 'mentor')
export class RosterController {
  constructor(
    private readonly summaries: SessionSummaries,
    private readonly attendance: AttendanceService,
    private readonly codes: CheckInCodes,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  @Get(':id/roster')
  async show(
    @Page() page: PageContext,
    @PageIdParam() sessionId: number,
    @Query('offset') offsetParameter: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { summary } = await this.summaries.find(page.caller, sessionId);
    // A mentor who does not lead the session would be shown its mentees: not a roster to mark.
    await this.access.assertMarksAttendance(page.caller, sessionId);
    const offset = pageOffset(offsetParameter);
    const roster = await this.attendance.roster(page.caller, sessionId, {
      limit: ROSTER_PAGE_SIZE,
      offset,
    });
    const code = await this.codeUnlessCancelled(page.caller, sessionId);
    sendPage(
      response,
      <RosterPage
        page={page}
        summary={summary}
        entries={roster.items}
        total={roster.total}
        offset={offset}
        code={code}
        editable={!summary.cancelled}
      />,
    );
  }

  /** The code panel for htmx to refresh; opened as a page, the code alone for a screen. */
  @Get(':id/roster/check-in-code')
  async checkInCode(
    @Page() page: PageContext,
    @PageIdParam() sessionId: number,
    @Query('screen') screen: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { summary } = await this.summaries.find(page.caller, sessionId);
    const code = await this.codeOf(page.caller, sessionId);
    if (fromHtmx(request)) {
      return sendFragment(
        response,
        <CheckInCodePanel
          locale={page.locale}
          code={code}
          city={summary.city}
          screen={screen === '1'}
        />,
      );
    }
    sendPage(response, <CheckInScreenPage page={page} summary={summary} code={code} />);
  }

  /**
   * One tap: one participant's mark, saved on its own (the API's PUT with one mark). htmx gets
   * the mark's new state; a plain form goes back to the roster where it was.
   */
  @Post(':id/roster/:participantId')
  async mark(
    @Page() page: PageContext,
    @PageIdParam() sessionId: number,
    @PageIdParam('participantId') participantId: number,
    @FormBody() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { value, errors } = await readForm(
      AttendanceMarkDto,
      { participantId, status: form.status, note: form.note },
      page.locale,
    );
    if (errors) {
      throw new BadRequestException(Object.keys(errors).map((field) => `${field} is invalid`));
    }
    const { items } = await this.attendance.mark(page.caller, sessionId, { marks: [value] });
    if (fromHtmx(request)) {
      return sendFragment(
        response,
        <RosterMark
          locale={page.locale}
          sessionId={sessionId}
          participantId={participantId}
          attendance={items[0]}
          timeZone={null}
          editable
          saved
        />,
      );
    }
    seeOther(
      response,
      `${rosterPath(sessionId, pageOffset(form.offset))}#participant-${participantId}`,
    );
  }

  /** The code, or null when the session is cancelled (the service answers 409 for its code). */
  private async codeUnlessCancelled(
    caller: Caller,
    sessionId: number,
  ): Promise<CheckInCodeView | null> {
    try {
      return await this.codeOf(caller, sessionId);
    } catch (error) {
      if (error instanceof ConflictException) return null;
      throw error;
    }
  }

  private async codeOf(caller: Caller, sessionId: number): Promise<CheckInCodeView> {
    const code = await this.codes.show(caller, sessionId);
    const refreshSeconds = code.validUntil
      ? Math.max(1, Math.ceil((Date.parse(code.validUntil) - this.clock.now().getTime()) / 1000)) +
        1
      : FIXED_CODE_REFRESH_SECONDS;
    return { ...code, qrDataUrl: await qrCodeDataUrl(code.link), refreshSeconds };
  }
}
