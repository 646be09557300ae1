import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AccountsService } from '../accounts/accounts.service';
import { AuditTrail } from '../audit/audit-trail';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { UnitOfWork } from '../database/unit-of-work';
import { StageHostListResponse, StageHostResponse } from './stage-host.dto';
import { STAGE_HOSTS, Stage } from './stage.entity';
import { StagesService } from './stages.service';

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
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  async list(caller: Caller, stageId: number): Promise<StageHostListResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
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

  /**
   * Names a host; answers whether this call did (false: it hosted the stage already). Only
   * accounts with the host role.
   */
  async add(caller: Caller, stageId: number, accountId: number): Promise<boolean> {
    this.access.requireRole(caller, 'organizer');
    await this.stages.findOrFail(stageId);
    const account = await this.accounts.findOrFail(accountId);
    if (account.role !== 'host') {
      throw new ConflictException(
        `Account ${accountId} has the ${account.role} role; only host accounts may host a stage`,
      );
    }
    return this.unit.run(async (manager) => {
      await this.stages.lockForSessions(manager, stageId);
      const isHost = await manager
        .createQueryBuilder()
        .select('1')
        .from(STAGE_HOSTS, 'host')
        .where({ stageId, accountId })
        .getRawOne();
      if (isHost) {
        return false;
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(STAGE_HOSTS)
        .values({ stageId, accountId })
        .execute();
      await this.audit.recordLink(manager, 'create', STAGE_HOSTS, { stageId, accountId });
      return true;
    });
  }

  async remove(caller: Caller, stageId: number, accountId: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
    await this.unit.run(async (manager) => {
      await this.stages.lockForSessions(manager, stageId);
      const removed = await manager
        .createQueryBuilder()
        .delete()
        .from(STAGE_HOSTS)
        .where({ stageId, accountId })
        .execute();
      if (!removed.affected) {
        throw new NotFoundException(`Account ${accountId} is not a host of stage ${stageId}`);
      }
      await this.audit.recordLink(manager, 'delete', STAGE_HOSTS, { stageId, accountId });
    });
  }
}
