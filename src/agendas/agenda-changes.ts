import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toLocalDateTime } from '../common/time/time';
import { SessionSnapshot } from '../sessions/session-snapshot';
import type { StageSnapshot } from './agenda-version.entity';

export const AGENDA_CHANGE_KINDS = [
  'session_added',
  'session_removed',
  'session_moved',
  'session_place_changed',
  'session_cancelled',
  'session_restored',
  'session_changed',
  'stage_place_changed',
  'stage_dates_changed',
  'stage_zone_changed',
  'stage_changed',
] as const;
export type AgendaChangeKind = (typeof AGENDA_CHANGE_KINDS)[number];

type Value = string | number | boolean | null | string[];

export class FieldChange {
  @ApiProperty({ example: 'startsAt' })
  field: string;

  @ApiProperty({ nullable: true, example: '2025-11-18T05:00:00.000Z' })
  from: Value;

  @ApiProperty({ nullable: true, example: '2025-11-18T06:00:00.000Z' })
  to: Value;

  @ApiPropertyOptional({ example: '2025-11-18T10:00:00', description: 'Times: wall clock' })
  fromLocal?: string;

  @ApiPropertyOptional({ example: '2025-11-18T11:00:00', description: 'Times: wall clock' })
  toLocal?: string;
}

/** One change of an agenda version against the version before it. */
export class AgendaChange {
  @ApiProperty({ enum: AGENDA_CHANGE_KINDS })
  kind: AgendaChangeKind;

  @ApiPropertyOptional({ example: 7, description: 'The session, for session changes' })
  sessionId?: number;

  @ApiProperty({ description: 'The session’s title (the stage’s for stage changes)' })
  title: string;

  @ApiProperty({ type: [FieldChange] })
  fields: FieldChange[];
}

export interface AgendaSnapshot {
  stage: StageSnapshot;
  sessions: SessionSnapshot[];
}

const SESSION_TIME: (keyof SessionSnapshot)[] = ['startsAt', 'endsAt'];
const SESSION_PLACE: (keyof SessionSnapshot)[] = ['venue', 'address', 'onlineUrl'];
const SESSION_OTHER: (keyof SessionSnapshot)[] = [
  'title',
  'description',
  'type',
  'track',
  'isMandatory',
  'capacity',
  'speakers',
  'mentors',
];
const STAGE_GROUPS: [AgendaChangeKind, (keyof StageSnapshot)[]][] = [
  ['stage_place_changed', ['city', 'region', 'venue', 'address']],
  ['stage_dates_changed', ['startDate', 'endDate']],
  ['stage_zone_changed', ['timeZone']],
  ['stage_changed', ['title', 'hostOrganization']],
];

/** What a mentor list shows in a change: the names, in order. */
const valueOf = (snapshot: SessionSnapshot, field: keyof SessionSnapshot): Value =>
  field === 'mentors'
    ? snapshot.mentors.map((mentor) => mentor.fullName)
    : (snapshot[field] as Value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes from `before` (the previous version; none for the first) to `after`, stage
 * changes first, then sessions in time order, each naming what changed with old and new values.
 */
export function agendaChanges(
  before: AgendaSnapshot | null,
  after: AgendaSnapshot,
): AgendaChange[] {
  const changes: AgendaChange[] = [];
  if (before) {
    for (const [kind, fields] of STAGE_GROUPS) {
      const changed = fields
        .filter((field) => !same(before.stage[field], after.stage[field]))
        .map((field) => ({ field, from: before.stage[field], to: after.stage[field] }));
      if (changed.length > 0) {
        changes.push({ kind, title: after.stage.title, fields: changed });
      }
    }
  }
  const formerZone = before?.stage.timeZone ?? after.stage.timeZone;
  const zone = after.stage.timeZone;
  const former = new Map((before?.sessions ?? []).map((session) => [session.id, session]));
  const current = new Set(after.sessions.map((session) => session.id));
  const timeChange = (field: keyof SessionSnapshot, from: string | null, to: string | null) => ({
    field,
    from,
    to,
    ...(from === null ? {} : { fromLocal: toLocalDateTime(new Date(from), formerZone) }),
    ...(to === null ? {} : { toLocal: toLocalDateTime(new Date(to), zone) }),
  });

  const sessionChanges: { startsAt: string; change: AgendaChange }[] = [];
  const add = (session: SessionSnapshot, kind: AgendaChangeKind, fields: FieldChange[]) =>
    sessionChanges.push({
      startsAt: session.startsAt,
      change: { kind, sessionId: session.id, title: session.title, fields },
    });

  for (const session of after.sessions) {
    const previous = former.get(session.id);
    if (!previous) {
      add(
        session,
        'session_added',
        SESSION_TIME.map((field) => timeChange(field, null, session[field] as string)),
      );
      continue;
    }
    const differing = (fields: (keyof SessionSnapshot)[]) =>
      fields.filter((field) => !same(valueOf(previous, field), valueOf(session, field)));
    const moved = differing(SESSION_TIME);
    if (moved.length > 0) {
      add(
        session,
        'session_moved',
        moved.map((field) =>
          timeChange(field, previous[field] as string, session[field] as string),
        ),
      );
    }
    const placed = differing(SESSION_PLACE);
    if (placed.length > 0) {
      add(
        session,
        'session_place_changed',
        placed.map((field) => ({
          field,
          from: valueOf(previous, field),
          to: valueOf(session, field),
        })),
      );
    }
    if (previous.status !== session.status) {
      add(session, session.status === 'cancelled' ? 'session_cancelled' : 'session_restored', [
        { field: 'status', from: previous.status, to: session.status },
      ]);
    }
    const other = differing(SESSION_OTHER);
    if (other.length > 0) {
      add(
        session,
        'session_changed',
        other.map((field) => ({
          field,
          from: valueOf(previous, field),
          to: valueOf(session, field),
        })),
      );
    }
  }
  for (const session of before?.sessions ?? []) {
    if (!current.has(session.id)) {
      add(
        session,
        'session_removed',
        SESSION_TIME.map((field) => timeChange(field, session[field] as string, null)),
      );
    }
  }
  sessionChanges.sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) || (a.change.sessionId ?? 0) - (b.change.sessionId ?? 0),
  );
  return [...changes, ...sessionChanges.map(({ change }) => change)];
}

/** The sessions a change list touches (added, removed or changed). */
export function changedSessionIds(changes: AgendaChange[]): Set<number> {
  return new Set(
    changes.flatMap((change) => (change.sessionId === undefined ? [] : [change.sessionId])),
  );
}
