import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { PublishedSessionsService } from '../agendas/published-sessions.service';
import { notFound } from '../common/http/not-found';
import { Program } from '../programs/program.entity';
import { Session } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';

/** A session with what attendance needs of it: its stage's zone and cohort, its program's rules. */
export interface AttendedSession {
  session: Session;
  stage: Stage;
  cohortId: number;
  program: Program;
}

/** Reads a session for attendance in one query, within what the caller sees. */
@Injectable()
export class AttendedSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly published: PublishedSessionsService,
  ) {}

  /**
   * 404 unless the session exists in a stage the caller sees, or the caller leads it; and, for
   * participants and mentors, who read only published agendas, unless it is published: for them
   * its times and status are the published ones (what they were told), not the draft's.
   */
  async findVisibleOrFail(caller: Caller, id: number): Promise<AttendedSession> {
    const session = await this.access
      .scopeSessions(
        this.dataSource
          .createQueryBuilder(Session, 'session')
          .innerJoinAndSelect('session.stage', 'stage')
          .innerJoinAndSelect('stage.cohort', 'cohort')
          .innerJoinAndSelect('cohort.program', 'program')
          .where('session.id = :id', { id }),
        caller,
        'session.id',
        'session.stageId',
      )
      .getOne();
    if (!session) {
      throw notFound('Session', id);
    }
    if (caller.role !== 'organizer' && caller.role !== 'host') {
      const published = await this.published.findOne(id);
      if (!published) {
        throw notFound('Session', id);
      }
      Object.assign(session, {
        startsAt: published.startsAt,
        endsAt: published.endsAt,
        status: published.status,
        isMandatory: published.isMandatory,
      });
    }
    const stage = session.stage!;
    return { session, stage, cohortId: stage.cohortId, program: stage.cohort!.program! };
  }
}

/** 409: nobody is marked or checks in at a cancelled session. */
export function assertNotCancelled(session: Session): void {
  if (session.status === 'cancelled') {
    throw new ConflictException(`Session ${session.id} is cancelled`);
  }
}
