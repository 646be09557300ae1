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
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  const conflicts: Conflict[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length && active[j].startsAt < active[i].endsAt; j++) {
      const [first, second] = [active[i], active[j]];
      if (involving === undefined || first.id === involving || second.id === involving) {
        conflicts.push(...conflictsOfPair(first, second, timeZone));
      }
    }
  }
  return conflicts;
}

function conflictsOfPair(
  first: ScheduledSession,
  second: ScheduledSession,
  timeZone: string,
): Conflict[] {
  const both = [first, second].map((session) => describe(session, timeZone));
  const titles = `"${first.title}" and "${second.title}"`;
  const conflicts: Conflict[] = [];
  for (const mentor of first.mentors ?? []) {
    if ((second.mentors ?? []).some((other) => other.id === mentor.id)) {
      conflicts.push({
        kind: 'mentor',
        message: `${mentor.fullName} leads ${titles} at once`,
        sessions: both,
        mentorId: mentor.id,
        person: mentor.fullName,
      });
    }
  }
  const secondSpeakers = new Set(second.speakers.map(normalized));
  for (const speaker of new Set(first.speakers)) {
    if (secondSpeakers.has(normalized(speaker))) {
      conflicts.push({
        kind: 'speaker',
        message: `${speaker} speaks at ${titles} at once`,
        sessions: both,
        person: speaker,
      });
    }
  }
  const room = roomOf(first);
  const otherRoom = roomOf(second);
  if (room && otherRoom && normalized(room) === normalized(otherRoom)) {
    conflicts.push({
      kind: 'room',
      message: `${titles} take place in ${room} at once`,
      sessions: both,
      room,
    });
  }
  if (first.isMandatory && second.isMandatory && first.track === second.track) {
    const track = first.track === null ? 'the main track' : `track "${first.track}"`;
    conflicts.push({
      kind: 'track',
      message: `${titles} are both mandatory in ${track} at once: the cohort cannot attend both`,
      sessions: both,
      track: first.track,
    });
  }
  return conflicts;
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
