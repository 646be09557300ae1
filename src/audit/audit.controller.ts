import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { Page, PageOf, toPage } from '../common/http/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse, ListAuditQuery } from './audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  @Get()
  @Roles('organizer')
  @ApiOkResponse({ type: PageOf(AuditEntryResponse), description: 'Newest first' })
  async list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const { entity, entityId, actorId, action } = query;
    const page = await this.entries.findAndCount({
      where: { entity, entityId, actorId, action },
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, AuditEntryResponse.from);
  }
}
