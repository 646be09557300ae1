import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Page, PageOf } from '../common/http/pagination';
import { AuditLogService } from './audit-log.service';
import { AuditEntryResponse, ListAuditQuery } from './audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @Roles('organizer')
  @ApiOkResponse({ type: PageOf(AuditEntryResponse), description: 'Newest first' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListAuditQuery,
  ): Promise<Page<AuditEntryResponse>> {
    return this.log.list(actor, query);
  }
}
