import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditRecord, writeAuditEntry } from '../audit/audit-trail';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { StageHostListResponse, StageHostResponse } from './stage-host.dto';
import { Stage } from './stage.entity';
import { StagesService } from './stages.service';

/** The join table of `Stage.hosts`. */
const STAGE_HOSTS = 'stage_hosts';

function hostChange(
  action: 'create' | 'delete',
  stageId: number,
  accountId: number,
  side: 'from' | 'to',
): AuditRecord {
  return {
    action,
    entity: STAGE_HOSTS,
    entityId: `${stageId}:${accountId}`,
    changes: { stageId: { [side]: stageId }, accountId: { [side]: accountId } },
  };
}

/**
 * Who hosts a stage. Organizers name and remove hosts (the routes' roles); the list is read by
 * organizers and by the hosts of that stage (a host of another stage cannot see it: 404).
 */
@Injectable()
export class StageHostsService {
  constructor(
    @InjectRepository(Stage) private readonly stageRows: Repository<Stage>,
    private readonly stages: StagesService,
    private readonly accounts: AccountsService,
    private readonly access: AccessService,
  ) {}

  async list(stageId: number, actor: Actor): Promise<StageHostListResponse> {
    this.access.assertVisible(await this.access.stageIds(actor), stageId, 'Stage');
    const stage = await this.stageRows
      .createQueryBuilder('stage')
      .leftJoinAndSelect('stage.hosts', 'host')
      .where('stage.id = :stageId', { stageId })
      .orderBy('host.fullName', 'ASC')
      .addOrderBy('host.id', 'ASC')
      .getOne();
    if (!stage) {
      throw notFound('Stage', stageId);
    }
    return { items: (stage.hosts ?? []).map(StageHostResponse.from) };
  }

  /** Idempotent: naming a host again changes nothing. Only accounts with the host role. */
  async add(stageId: number, accountId: number): Promise<void> {
    await this.stages.findOrFail(stageId);
    const account = await this.accounts.findOrFail(accountId);
    if (account.role !== 'host') {
      throw new ConflictException(
        `Account ${accountId} has the ${account.role} role; only host accounts may host a stage`,
      );
    }
    await this.stageRows.manager.transaction(async (manager) => {
      const isHost = await manager
        .createQueryBuilder()
        .select('1')
        .from(STAGE_HOSTS, 'host')
        .where({ stageId, accountId })
        .getRawOne();
      if (isHost) {
        return;
      }
      // Two requests at once may both insert: the second is ignored rather than a conflict.
      await manager
        .createQueryBuilder()
        .insert()
        .into(STAGE_HOSTS)
        .values({ stageId, accountId })
        .orIgnore()
        .execute();
      await writeAuditEntry(manager, hostChange('create', stageId, accountId, 'to'));
    });
  }

  async remove(stageId: number, accountId: number): Promise<void> {
    await this.stages.findOrFail(stageId);
    await this.stageRows.manager.transaction(async (manager) => {
      const removed = await manager
        .createQueryBuilder()
        .delete()
        .from(STAGE_HOSTS)
        .where({ stageId, accountId })
        .execute();
      if (!removed.affected) {
        throw new NotFoundException(`Account ${accountId} is not a host of stage ${stageId}`);
      }
      await writeAuditEntry(manager, hostChange('delete', stageId, accountId, 'from'));
    });
  }
}
