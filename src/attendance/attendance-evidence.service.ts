import { ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AttendanceRecord } from './attendance-record.entity';

/**
 * Keeps attendance from being lost with what it is about: sessions and stages ask it before
 * they are deleted (the foreign keys refuse it too, but without saying why).
 */
@Injectable()
export class AttendanceEvidence {
  /** 409 when the session has attendance records. */
  async assertNoneForSession(manager: EntityManager, sessionId: number): Promise<void> {
    const found = await manager
      .createQueryBuilder(AttendanceRecord, 'record')
      .select('record.id')
      .where('record.sessionId = :sessionId', { sessionId })
      .limit(1)
      .getRawMany();
    if (found.length > 0) {
      throw new ConflictException(
        `Session ${sessionId} has attendance records and cannot be deleted; cancel it instead`,
      );
    }
  }

  /** 409 when any session of the stage has attendance records. */
  async assertNoneForStage(manager: EntityManager, stageId: number): Promise<void> {
    const found = await manager
      .createQueryBuilder(AttendanceRecord, 'record')
      .select('record.id')
      .innerJoin('record.session', 'session')
      .where('session.stageId = :stageId', { stageId })
      .limit(1)
      .getRawMany();
    if (found.length > 0) {
      throw new ConflictException(
        `Stage ${stageId} has attendance records and cannot be deleted; cancel its sessions instead`,
      );
    }
  }
}
