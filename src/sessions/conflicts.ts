import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { toLocalDateTime } from '../common/time/time';
import { SessionStatus } from './session.entity';

export const CONFLICT_KINDS = ['mentor', 'speaker', 'room', 'track'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** What the conflict check needs of a session. */
export interface ScheduledSession {
  id: number;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  address: string | null;
  track: string | null;
  isMandatory: boolean;
  speakers: string[];
  mentors?: { id: number; fullName: string }[];
}

export class ConflictingSession {
  @ApiProperty({ example: 7 })
  id: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '2025-11-18T05:00:00.000Z' })
  startsAt: string;

  @ApiProperty({ example: '2025-11-18T06:30:00.000Z' })
  endsAt: string;

  @ApiProperty({ example: '2025-11-18T10:00:00' })
  startsAtLocal: string;

  @ApiProperty({ example: '2025-11-18T11:30:00' })
  endsAtLocal: string;
}

/** Two sessions of one stage at once that share a person, a room or the cohort. */
export class Conflict {
  @ApiProperty({
    enum: CONFLICT_KINDS,
    description:
      'mentor or speaker: one person leads both; room: the same venue and address; ' +
      'track: two mandatory sessions of one track, so the cohort cannot attend both',
  })
  kind: ConflictKind;

  @ApiProperty({ example: 'Сидоров А. В. leads both sessions at once' })
  message: string;

  @ApiProperty({ type: [ConflictingSession] })
  sessions: ConflictingSession[];

  @ApiPropertyOptional({ example: 3, description: 'kind mentor: the mentor' })
  mentorId?: number;

  @ApiPropertyOptional({ example: 'Сидоров Андрей Викторович', description: 'mentor or speaker' })
  person?: string;

  @ApiPropertyOptional({ example: 'Технопарк, Тюмень, ул. Республики, 142', description: 'room' })
  room?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'track: null is the main one' })
  track?: string | null;
}

const normalized = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');

function roomOf(session: ScheduledSession): string | null {
  if (!session.venue) {
    return null;
  }
  return [session.venue, session.address].filter(Boolean).join(', ');
}

/** What a session is compared by, worked out once however many sessions it overlaps. */
interface Compared {
  session: ScheduledSession;
  speakers: Set<string>;
  room: string | null;
  normalizedRoom: string | null;
}

function compared(session: ScheduledSession): Compared {
  const room = roomOf(session);
  return {
    session,
    speakers: new Set(session.speakers.map(normalized)),
    room,
    normalizedRoom: room && normalized(room),
  };
}

/**
 * The conflicts among `sessions` (one stage's), in order of the earlier session's start.
 * Cancelled sessions conflict with nothing. With `involving`, only that session's conflicts.
 */
export function findConflicts(
  sessions: ScheduledSession[],
  timeZone: string,
  involving?: number,
): Conflict[] {
  const active = sessions
    .filter((session) => session.status !== 'cancelled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
    .map(compared);
  const conflicts: Conflict[] = [];
  for (let i = 0; i < active.length; i++) {
    const first = active[i].session;
    for (let j = i + 1; j < active.length && active[j].session.startsAt < first.endsAt; j++) {
      const second = active[j].session;
      if (involving === undefined || first.id === involving || second.id === involving) {
        conflicts.push(...conflictsOfPair(active[i], active[j], timeZone));
      }
    }
  }
  return conflicts;
}

function conflictsOfPair(one: Compared, other: Compared, timeZone: string): Conflict[] {
  const [first, second] = [one.session, other.session];
  const titles = `"${first.title}" and "${second.title}"`;
  const conflicts: Omit<Conflict, 'sessions'>[] = [];
  for (const mentor of first.mentors ?? []) {
    if ((second.mentors ?? []).some((leader) => leader.id === mentor.id)) {
      conflicts.push({
        kind: 'mentor',
        message: `${mentor.fullName} leads ${titles} at once`,
        mentorId: mentor.id,
        person: mentor.fullName,
      });
    }
  }
  for (const speaker of new Set(first.speakers)) {
    if (other.speakers.has(normalized(speaker))) {
      conflicts.push({
        kind: 'speaker',
        message: `${speaker} speaks at ${titles} at once`,
        person: speaker,
      });
    }
  }
  if (one.normalizedRoom && one.normalizedRoom === other.normalizedRoom) {
    conflicts.push({
      kind: 'room',
      message: `${titles} take place in ${one.room} at once`,
      room: one.room!,
    });
  }
  if (first.isMandatory && second.isMandatory && first.track === second.track) {
    const track = first.track === null ? 'the main track' : `track "${first.track}"`;
    conflicts.push({
      kind: 'track',
      message: `${titles} are both mandatory in ${track} at once: the cohort cannot attend both`,
      track: first.track,
    });
  }
  if (conflicts.length === 0) {
    return [];
  }
  const sessions = [first, second].map((session) => describe(session, timeZone));
  return conflicts.map((conflict) => ({ ...conflict, sessions }));
}

function describe(session: ScheduledSession, timeZone: string): ConflictingSession {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    startsAtLocal: toLocalDateTime(session.startsAt, timeZone),
    endsAtLocal: toLocalDateTime(session.endsAt, timeZone),
  };
}
