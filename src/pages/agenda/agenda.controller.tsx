import { Get, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { AgendasService } from '../../agendas/agendas.service';
import { sendCalendar } from '../../calendar/send-calendar';
import { PageIdParam } from '../shared/page-id-param';
import { Page, PageContext } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { sendPage } from '../shared/render';
import { AgendaPage, agendaDaysOf } from './agenda.views';

const SESSIONS_PER_PAGE = 200;

/**
 * The published agenda of a stage: for anyone when the stage is public, else for those who see
 * the stage, by the same service and rule as `GET /api/stages/:id/agenda` (others: not found).
 */
@PageController('agenda')
export class AgendaPagesController {
  constructor(private readonly agendas: AgendasService) {}

  @Get(':id')
  async show(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @Query('offset') offsetParameter: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const version = await this.agendas.latest(page.caller, stageId);
    const total = version.sessions.length;
    const offset = Math.min(pageOffset(offsetParameter), total);
    const link = (to: number) => `/agenda/${stageId}${to > 0 ? `?offset=${to}` : ''}`;
    sendPage(
      response,
      <AgendaPage
        page={page}
        stageId={stageId}
        stage={version.stage}
        version={version.number}
        publishedAt={version.publishedAt}
        days={agendaDaysOf(version.sessions.slice(offset, offset + SESSIONS_PER_PAGE))}
        total={total}
        earlierHref={offset > 0 ? link(Math.max(0, offset - SESSIONS_PER_PAGE)) : null}
        laterHref={offset + SESSIONS_PER_PAGE < total ? link(offset + SESSIONS_PER_PAGE) : null}
      />,
    );
  }

  /**
   * The agenda as a calendar file for the reader of the page: a stage that is not public opens
   * to its members signed in on the site (the API's `agenda.ics` takes only bearer tokens).
   */
  @Get(':id/agenda.ics')
  async calendar(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @Res() response: Response,
  ): Promise<void> {
    const { calendar, publishedAt } = await this.agendas.latestAsCalendar(page.caller, stageId);
    sendCalendar(response, calendar, {
      fileName: `agenda-${stageId}.ics`,
      lastModified: publishedAt,
      shared: page.caller.role === 'anonymous',
    });
  }
}
