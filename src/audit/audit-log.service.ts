import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { Page, toPage } from '../common/http/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse, ListAuditQuery } from './audit.dto';

/** Reading the audit log: organizers only. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    this.access.requireRole(caller, 'organizer');
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
