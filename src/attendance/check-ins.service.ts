import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { TooManyAttemptsException } from '../common/http/too-many-attempts';
import { Clock } from '../common/time/clock';
import { toLocalDateTime } from '../common/time/time';
import { UnitOfWork } from '../database/unit-of-work';
import { Enrollment } from '../enrollments/enrollment.entity';
import { DatabaseThrottlerStorage } from '../rate-limits/database-throttler-storage';
import { Cohort } from '../cohorts/cohort.entity';
import { Program } from '../programs/program.entity';
import { Session } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';
import { AttendanceRecord } from './attendance-record.entity';
import { AttendanceWarnings } from './attendance-warnings';
import { AttendedSessions, assertNotCancelled } from './attended-sessions';
import { AttendanceResponse, CheckInDto } from './attendance.dto';
import { CheckInCodes } from './check-in-codes.service';
import { checkInWindow } from './check-in-window';

/** Wrong check-in codes an account may type in the window before it must wait. */
const WRONG_CODES_ALLOWED = 5;
const WRONG_CODES_WINDOW_MS = 10 * 60_000;

/**
 * Participants checking themselves in with the code shown at the session. A check-in locks the
 * participant's enrollment, as staff marks do, so that one participant gets one record and a
 * staff mark stands over it.
 */
@Injectable()
export class CheckIns {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: AttendedSessions,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
    private readonly codes: CheckInCodes,
    private readonly warnings: AttendanceWarnings,
    private readonly throttler: DatabaseThrottlerStorage,
  ) {}

  /**
   * A participant checks itself in with the session's code, inside the check-in window:
   * present up to the program's minutes after the start, late after. Checking in again, or
   * after a staff mark, answers the record as it is.
   */
  async checkIn(
    caller: Caller,
    sessionId: number,
    dto: CheckInDto,
  ): Promise<{ record: AttendanceResponse; created: boolean }> {
    this.access.requireRole(caller, 'participant');
    const participantId = caller.participantId!;
    const attended = await this.sessions.findVisibleOrFail(caller, sessionId);
    const throttleKey = `check-in:${caller.accountId}`;
    const blockedFor = await this.throttler.secondsBlocked(throttleKey, WRONG_CODES_ALLOWED);
    if (blockedFor > 0) {
      throw this.tooManyWrongCodes(blockedFor);
    }
    const existing = await this.dataSource
      .getRepository(AttendanceRecord)
      .findOneBy({ sessionId, participantId });
    if (existing) {
      return { record: AttendanceResponse.from(existing), created: false };
    }
    assertNotCancelled(attended.session);
    const now = this.clock.now();
    const window = checkInWindow(attended.session, attended.program);
    this.assertInsideWindow(window, now, attended.stage);
    if (!(await this.codes.accepts(sessionId, dto.code, now))) {
      const { isBlocked, timeToBlockExpire } = await this.throttler.increment(
        throttleKey,
        WRONG_CODES_WINDOW_MS,
        WRONG_CODES_ALLOWED,
      );
      if (isBlocked) {
        throw this.tooManyWrongCodes(timeToBlockExpire);
      }
      throw new BadRequestException(['code is not the code of this session']);
    }

    return this.unit.run(async (manager) => {
      const enrollment = await this.unit.lock(manager, Enrollment, {
        cohortId: attended.cohortId,
        participantId,
      });
      if (!enrollment || enrollment.withdrawnAt !== null) {
        throw new ConflictException(
          `Participant ${participantId} is not an active member of cohort ${attended.cohortId}`,
        );
      }
      const found = await manager.findOneBy(AttendanceRecord, { sessionId, participantId });
      if (found) {
        return { record: AttendanceResponse.from(found), created: false };
      }
      const record = await manager.save(
        manager.create(AttendanceRecord, {
          sessionId,
          participantId,
          enrollmentId: enrollment.id,
          status: now.getTime() <= window.lateAfter.getTime() ? 'present' : 'late',
          note: null,
          method: 'self',
          markedBy: caller.accountId,
          markedAt: now,
        }),
      );
      await this.warnings.raiseFor(manager, attended, [participantId]);
      return { record: AttendanceResponse.from(record), created: true };
    });
  }

  /**
   * Which of these published sessions (times and status as published) the participant may
   * check in to now: not cancelled, inside the window, not marked yet. One query for a page of
   * a schedule.
   */
  async openFor(
    caller: Caller,
    sessions: { id: number; startsAt: string; endsAt: string; status: string }[],
  ): Promise<Set<number>> {
    const candidates = sessions.filter((session) => session.status !== 'cancelled');
    if (caller.role !== 'participant' || caller.participantId === null || candidates.length === 0) {
      return new Set();
    }
    const rows = await this.dataSource
      .createQueryBuilder(Session, 'session')
      .innerJoin(Stage, 'stage', 'stage.id = session.stageId')
      .innerJoin(Cohort, 'cohort', 'cohort.id = stage.cohortId')
      .innerJoin(Program, 'program', 'program.id = cohort.programId')
      .leftJoin(
        AttendanceRecord,
        'record',
        'record.sessionId = session.id AND record.participantId = :participantId',
        { participantId: caller.participantId },
      )
      .select('session.id', 'id')
      .addSelect('program.checkInOpensMinutesBefore', 'opensBefore')
      .addSelect('program.checkInClosesMinutesAfterEnd', 'closesAfter')
      .where('session.id IN (:...sessionIds)', { sessionIds: candidates.map(({ id }) => id) })
      .andWhere('record.id IS NULL')
      .getRawMany<{
        id: number | string;
        opensBefore: number | string;
        closesAfter: number | string;
      }>();
    const windows = new Map(rows.map((row) => [Number(row.id), row]));
    const now = this.clock.now();
    return new Set(
      candidates
        .filter((session) => {
          const program = windows.get(session.id);
          if (!program) {
            return false;
          }
          const window = checkInWindow(
            { startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) },
            {
              checkInOpensMinutesBefore: Number(program.opensBefore),
              checkInClosesMinutesAfterEnd: Number(program.closesAfter),
              lateAfterMinutes: 0,
            },
          );
          return now >= window.opensAt && now <= window.closesAt;
        })
        .map((session) => session.id),
    );
  }

  private assertInsideWindow(
    window: { opensAt: Date; closesAt: Date },
    now: Date,
    stage: Stage,
  ): void {
    const local = (instant: Date) =>
      `${toLocalDateTime(instant, stage.timeZone).replace('T', ' ').slice(0, 16)} ${stage.city} time (${stage.timeZone})`;
    if (now < window.opensAt) {
      throw new ConflictException(
        `Check-in has not opened yet: it opens at ${local(window.opensAt)}`,
      );
    }
    if (now > window.closesAt) {
      throw new ConflictException(`Check-in has closed: it closed at ${local(window.closesAt)}`);
    }
  }

  private tooManyWrongCodes(seconds: number): TooManyAttemptsException {
    return new TooManyAttemptsException(
      `Too many wrong check-in codes; try again in ${Math.ceil(seconds / 60)} minute(s)`,
      seconds,
    );
  }
}
