import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { AuditRecord, AuditTrail } from '../audit/audit-trail';
import { FieldChanges } from '../audit/audit-entry.entity';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { toLocalDateTime } from '../common/time/time';
import { instantFromRaw } from '../database/raw-values';
import { UnitOfWork } from '../database/unit-of-work';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Participant } from '../participants/participant.entity';
import { PublishedSession } from '../agendas/published-session.entity';
import { Session } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';
import { AttendanceRecord, AttendanceStatus } from './attendance-record.entity';
import { AttendanceWarnings, EVERYONE } from './attendance-warnings';
import { AttendedSession, AttendedSessions, assertNotCancelled } from './attended-sessions';
import {
  AttendanceResponse,
  MarkAttendanceDto,
  MarkAttendanceResponse,
  ParticipantAttendanceEntry,
  RosterEntry,
} from './attendance.dto';

/** The fields of a record that a staff mark sets, as the audit log shows them. */
const MARKED_FIELDS = ['status', 'note', 'method', 'markedBy', 'markedAt'] as const;

/**
 * Attendance records marked by staff, in bulk, and read: a session's roster, a participant's
 * records. Every change is one unit of work with its audit entries; a staff mark wins over a
 * self check-in (`CheckIns`), whichever comes first.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: AttendedSessions,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly warnings: AttendanceWarnings,
  ) {}

  /**
   * The session's roster: the cohort's participants (those who withdrew before it began
   * only with a record), each with its record or null. Staff who mark it see everyone; a
   * mentor its mentees, a participant itself.
   */
  async roster(caller: Caller, sessionId: number, query: PageQuery): Promise<Page<RosterEntry>> {
    const attended = await this.sessions.findVisibleOrFail(caller, sessionId);
    const marks = await this.access.marksAttendance(caller, sessionId);
    const select = this.dataSource
      .createQueryBuilder(Enrollment, 'enrollment')
      .innerJoin(Participant, 'participant', '"participant"."id" = "enrollment"."participantId"')
      .leftJoin(
        AttendanceRecord,
        'record',
        '"record"."sessionId" = :sessionId AND "record"."participantId" = "enrollment"."participantId"',
        { sessionId },
      )
      .where('"enrollment"."cohortId" = :cohortId', { cohortId: attended.cohortId })
      .andWhere(
        '("enrollment"."withdrawnAt" IS NULL OR "enrollment"."withdrawnAt" > :startsAt OR "record"."id" IS NOT NULL)',
        { startsAt: attended.session.startsAt },
      );
    if (!marks) {
      this.access.scope(select, caller, 'participant', '"enrollment"."participantId"');
    }
    const [rows, total] = await Promise.all([
      select
        .clone()
        .select([
          '"participant"."id" AS "participantId"',
          '"participant"."fullName" AS "fullName"',
          '"participant"."position" AS "position"',
          '"participant"."municipality" AS "municipality"',
          '"enrollment"."status" AS "enrollmentStatus"',
          ...RECORD_COLUMNS,
        ])
        .orderBy('"participant"."fullName"', 'ASC')
        .addOrderBy('"participant"."id"', 'ASC')
        .limit(query.limit)
        .offset(query.offset)
        .getRawMany<RosterRow>(),
      select.getCount(),
    ]);
    return {
      items: rows.map((row) => ({
        participant: {
          id: Number(row.participantId),
          fullName: row.fullName,
          position: row.position,
          municipality: row.municipality,
        },
        enrollmentStatus: row.enrollmentStatus,
        attendance: row.recordId === null ? null : attendanceOf({ ...row, recordId: row.recordId }),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * Marks many participants at once (an upsert): organizers, hosts of the stage, mentors who
   * lead the session. A mark equal to the record changes nothing; every change is audited.
   */
  async mark(
    caller: Caller,
    sessionId: number,
    dto: MarkAttendanceDto,
  ): Promise<MarkAttendanceResponse> {
    const attended = await this.sessions.findVisibleOrFail(caller, sessionId);
    await this.access.assertMarksAttendance(caller, sessionId);
    assertNotCancelled(attended.session);
    this.assertNoRepeats(dto);
    // The service's own work (demo data) has no account behind it.
    const markedBy =
      caller.role === 'anonymous' || caller.role === 'feed' || caller.accountId === 0
        ? null
        : caller.accountId;

    return this.unit.run(async (manager) => {
      const participantIds = dto.marks.map((mark) => mark.participantId);
      const enrollments = await this.lockEnrollments(manager, attended, participantIds);
      this.assertMayBeMarked(dto, attended, enrollments);

      const before = new Map(
        (
          await manager.findBy(AttendanceRecord, {
            sessionId,
            participantId: In(participantIds),
          })
        ).map((record) => [record.participantId, record]),
      );
      const now = this.clock.now();
      const changes = dto.marks.filter((mark) => {
        const record = before.get(mark.participantId);
        return (
          !record ||
          record.method !== 'staff' ||
          record.status !== mark.status ||
          record.note !== (mark.note || null)
        );
      });
      if (changes.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AttendanceRecord)
          .values(
            changes.map((mark) => ({
              sessionId,
              participantId: mark.participantId,
              enrollmentId: enrollments.get(mark.participantId)!.id,
              status: mark.status,
              note: mark.note || null,
              method: 'staff' as const,
              markedBy,
              markedAt: now,
            })),
          )
          .orUpdate([...MARKED_FIELDS], ['sessionId', 'participantId'])
          .updateEntity(false)
          .callListeners(false)
          .execute();
      }
      const after = await manager.findBy(AttendanceRecord, {
        sessionId,
        participantId: In(participantIds),
      });
      const byParticipant = new Map(after.map((record) => [record.participantId, record]));
      await this.audit.recordMany(
        manager,
        changes.map((mark) =>
          this.auditOf(before.get(mark.participantId), byParticipant.get(mark.participantId)!),
        ),
      );
      if (changes.length > 0) {
        await this.warnings.raiseFor(manager, attended, EVERYONE);
      }
      return {
        items: participantIds.map((id) => AttendanceResponse.from(byParticipant.get(id)!)),
        changed: changes.length,
      };
    });
  }

  /**
   * A participant's records with their sessions, newest first: for organizers, the participant,
   * its mentors; a host sees those of the stages it hosts. Participants and mentors see the
   * sessions as their published agendas show them, and only those.
   */
  async ofParticipant(
    caller: Caller,
    participantId: number,
    query: PageQuery,
  ): Promise<Page<ParticipantAttendanceEntry>> {
    await this.access.assertSees(caller, 'participant', participantId, 'Participant');
    const select = this.dataSource
      .createQueryBuilder(AttendanceRecord, 'record')
      .where('"record"."participantId" = :participantId', { participantId });
    if (caller.role === 'organizer' || caller.role === 'host') {
      select
        .innerJoin(Session, 'session', '"session"."id" = "record"."sessionId"')
        .innerJoin(Stage, 'stage', '"stage"."id" = "session"."stageId"')
        .select([
          '"stage"."id" AS "stageId"',
          '"stage"."timeZone" AS "timeZone"',
          '"stage"."city" AS "city"',
          '"session"."title" AS "title"',
          '"session"."status" AS "sessionStatus"',
          '"session"."isMandatory" AS "isMandatory"',
          '"session"."startsAt" AS "startsAt"',
        ]);
    } else {
      select
        .innerJoin(PublishedSession, 'session', '"session"."sessionId" = "record"."sessionId"')
        .select([
          '"session"."stageId" AS "stageId"',
          '"session"."timeZone" AS "timeZone"',
          '"session"."city" AS "city"',
          '"session"."title" AS "title"',
          '"session"."status" AS "sessionStatus"',
          '"session"."isMandatory" AS "isMandatory"',
          '"session"."startsAt" AS "startsAt"',
        ]);
    }
    select.addSelect(RECORD_COLUMNS);
    this.access.scope(select, caller, 'stage', '"session"."stageId"');
    const [rows, total] = await Promise.all([
      select
        .clone()
        .orderBy('"session"."startsAt"', 'DESC')
        .addOrderBy('"record"."sessionId"', 'DESC')
        .limit(query.limit)
        .offset(query.offset)
        .getRawMany<RecordRow>(),
      select.getCount(),
    ]);
    return {
      items: rows.map((row) => {
        const startsAt = instantFromRaw(row.startsAt);
        return {
          ...attendanceOf(row),
          stageId: Number(row.stageId),
          sessionTitle: row.title,
          sessionStatus: row.sessionStatus,
          isMandatory: row.isMandatory === true || Number(row.isMandatory) === 1,
          sessionStartsAt: startsAt.toISOString(),
          sessionStartsAtLocal: toLocalDateTime(startsAt, row.timeZone),
          timeZone: row.timeZone,
          city: row.city,
        };
      }),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * The enrollments of the marked participants in the session's cohort, locked in id order
   * (so that a check-in of one of them waits for the marks, or they for it).
   */
  private async lockEnrollments(
    manager: EntityManager,
    { cohortId }: AttendedSession,
    participantIds: number[],
  ): Promise<Map<number, Enrollment>> {
    const enrollments = await this.unit.lockAll(manager, Enrollment, {
      cohortId,
      participantId: In(participantIds),
    });
    return new Map(enrollments.map((enrollment) => [enrollment.participantId, enrollment]));
  }

  /** 400 naming every mark of someone not enrolled, or who withdrew before the session. */
  private assertMayBeMarked(
    dto: MarkAttendanceDto,
    { cohortId, session }: AttendedSession,
    enrollments: Map<number, Enrollment>,
  ): void {
    const problems: string[] = [];
    dto.marks.forEach(({ participantId }, index) => {
      const enrollment = enrollments.get(participantId);
      if (!enrollment) {
        problems.push(
          `marks.${index}.participantId: participant ${participantId} is not enrolled in cohort ${cohortId}`,
        );
      } else if (enrollment.withdrawnAt !== null && enrollment.withdrawnAt <= session.startsAt) {
        problems.push(
          `marks.${index}.participantId: participant ${participantId} withdrew from cohort ${cohortId} before the session`,
        );
      }
    });
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
  }

  private assertNoRepeats(dto: MarkAttendanceDto): void {
    const seen = new Set<number>();
    const problems: string[] = [];
    dto.marks.forEach(({ participantId }, index) => {
      if (seen.has(participantId)) {
        problems.push(`marks.${index}.participantId: participant ${participantId} is marked twice`);
      }
      seen.add(participantId);
    });
    if (problems.length > 0) {
      throw new BadRequestException(problems);
    }
  }

  private auditOf(before: AttendanceRecord | undefined, after: AttendanceRecord): AuditRecord {
    const changes: FieldChanges = {};
    if (!before) {
      for (const field of ['id', 'sessionId', 'participantId', 'enrollmentId', ...MARKED_FIELDS]) {
        changes[field] = { to: this.shown(after[field as keyof AttendanceRecord]) };
      }
      return { action: 'create', entity: 'attendance', entityId: String(after.id), changes };
    }
    for (const field of MARKED_FIELDS) {
      const from = this.shown(before[field]);
      const to = this.shown(after[field]);
      if (from !== to) {
        changes[field] = { from, to };
      }
    }
    return { action: 'update', entity: 'attendance', entityId: String(after.id), changes };
  }

  private shown(value: unknown): unknown {
    return value instanceof Date ? value.toISOString() : value;
  }
}

/** A record's columns in a raw read (the record aliased `"record"`). */
const RECORD_COLUMNS = [
  '"record"."id" AS "recordId"',
  '"record"."sessionId" AS "recordSessionId"',
  '"record"."participantId" AS "recordParticipantId"',
  '"record"."status" AS "recordStatus"',
  '"record"."note" AS "recordNote"',
  '"record"."method" AS "recordMethod"',
  '"record"."markedBy" AS "recordMarkedBy"',
  '"record"."markedAt" AS "recordMarkedAt"',
];

interface RecordColumns {
  recordId: number | string;
  recordSessionId: number | string;
  recordParticipantId: number | string;
  recordStatus: AttendanceStatus;
  recordNote: string | null;
  recordMethod: AttendanceRecord['method'];
  recordMarkedBy: number | string | null;
  recordMarkedAt: string | Date;
}

function attendanceOf(row: RecordColumns): AttendanceResponse {
  return AttendanceResponse.from({
    id: Number(row.recordId),
    sessionId: Number(row.recordSessionId),
    participantId: Number(row.recordParticipantId),
    status: row.recordStatus,
    note: row.recordNote,
    method: row.recordMethod,
    markedBy: row.recordMarkedBy === null ? null : Number(row.recordMarkedBy),
    markedAt: instantFromRaw(row.recordMarkedAt),
  });
}

interface RosterRow extends Omit<RecordColumns, 'recordId'> {
  recordId: number | string | null;
  participantId: number | string;
  fullName: string;
  position: string;
  municipality: string;
  enrollmentStatus: string;
}

interface RecordRow extends RecordColumns {
  stageId: number | string;
  timeZone: string;
  city: string;
  title: string;
  sessionStatus: string;
  isMandatory: boolean | number | string;
  startsAt: string | Date;
}
