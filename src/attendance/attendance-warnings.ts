import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock';
import { AttendanceWarning } from './attendance-warning.entity';
import { judge, meetsRule, readTally, tallyQuery } from './attendance-tally';
import { AttendedSession } from './attended-sessions';

/**
 * Raises a warning, once per participant and stage, when a participant's attendance of the
 * stage's mandatory sessions where attendance was taken falls below its program's rule after at
 * least the program's number of them. Checked in the unit of every mark and check-in, as of the marked session's
 * start: sessions marked after the fact, in order, are judged as they would have been on the
 * day, and sessions after it (perhaps not marked yet) do not count. Telling the mentor and the
 * organizers is the notifications' work (`notifiedAt`).
 *
 * A staff mark judges every active participant of the cohort (those left unmarked missed the
 * session too); a check-in judges the one who checked in.
 */
/** Every active participant of the cohort. */
export const EVERYONE = 'everyone';

@Injectable()
export class AttendanceWarnings {
  constructor(private readonly clock: Clock) {}

  async raiseFor(
    manager: EntityManager,
    { session, stage, cohortId, program }: AttendedSession,
    participants: number[] | typeof EVERYONE,
  ): Promise<void> {
    if (participants !== EVERYONE && participants.length === 0) {
      return;
    }
    const now = this.clock.now();
    const asOf = session.startsAt < now ? session.startsAt : now;
    const tally = tallyQuery(manager, cohortId, asOf, { rollTaken: true })
      .andWhere('"stage"."id" = :stageId', { stageId: stage.id })
      .andWhere(`"enrollment"."status" <> 'withdrawn'`);
    if (participants !== EVERYONE) {
      tally.andWhere('"enrollment"."participantId" IN (:...participantIds)', {
        participantIds: participants,
      });
    }
    const tallies = await readTally(tally);
    const warnings = tallies
      .filter((tally) => tally.held >= program.attendanceWarningAfterSessions)
      .map((tally) => ({ tally, judgement: judge(tally, program.excusedAbsences) }))
      .filter(
        ({ judgement }) =>
          judgement.counted > 0 && !meetsRule(judgement, program.requiredAttendancePercent),
      )
      .map(({ tally, judgement }) => ({
        participantId: tally.participantId,
        stageId: stage.id,
        attended: judgement.attended,
        counted: judgement.counted,
        raisedAt: now,
        notifiedAt: null,
      }));
    if (warnings.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AttendanceWarning)
        .values(warnings)
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}
