import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Page, PageOf } from '../common/http/pagination';
import {
  ListNotificationsQuery,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
  NotificationResponse,
} from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOkResponse({
    type: PageOf(NotificationResponse),
    description: 'Organizers: every message, with filters; others: the messages to themselves',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQuery,
  ): Promise<Page<NotificationResponse>> {
    return this.notifications.list(actor, query);
  }

  @Get('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResponse> {
    return this.notifications.preferencesOf(actor);
  }

  @Put('me/notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  setPreferences(
    @CurrentActor() actor: Actor,
    @Body() dto: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.notifications.setPreferences(actor, dto);
  }
}
