import { Get, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ListNotificationsQuery } from '../../notifications/notification.dto';
import { NotificationsService } from '../../notifications/notifications.service';
import { ParticipantsService } from '../../participants/participants.service';
import { readForm } from '../shared/forms';
import { Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { sendPage } from '../shared/render';
import { ROWS_PER_PAGE } from './admin-parts';
import { NotificationsPage } from './notifications.views';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The outbox as the API lists it, filtered by status, rule and participant. */
@PageController('admin/notifications')
@PageRoles('organizer')
export class NotificationsPageController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly participants: ParticipantsService,
  ) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const asked = {
      status: text(query.status),
      rule: text(query.rule),
      participantId: text(query.participantId),
    };
    const { value: filters, errors } = await readForm(ListNotificationsQuery, asked, page.locale);
    const offset = pageOffset(query.offset);
    const [notifications, participant] = await Promise.all([
      this.notifications.list(page.caller, {
        ...(filters ?? {}),
        limit: ROWS_PER_PAGE,
        offset,
      }),
      filters?.participantId ? this.participants.get(page.caller, filters.participantId) : null,
    ]);
    sendPage(
      response,
      <NotificationsPage
        page={page}
        filters={{
          status: filters?.status ?? '',
          rule: filters?.rule ?? '',
          participant,
        }}
        errors={errors}
        notifications={notifications}
      />,
      errors ? 400 : 200,
    );
  }
}
