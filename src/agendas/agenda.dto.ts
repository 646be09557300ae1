import { ApiProperty } from '@nestjs/swagger';
import { Page } from '../common/http/pagination';
import { toLocalDateTime } from '../common/time/time';
import { SessionResponse } from '../sessions/session.dto';
import { SessionSnapshot } from '../sessions/session-snapshot';
import { Conflict } from '../sessions/conflicts';
import { AgendaChange } from './agenda-changes';
import { AgendaVersion } from './agenda-version.entity';

export class AgendaStage {
  @ApiProperty({ example: 2 })
  id: number;

  @ApiProperty({ example: 'Стажировка в Тюмени' })
  title: string;

  @ApiProperty({ example: 'Тюмень' })
  city: string;

  @ApiProperty({ example: 'Тюменская область' })
  region: string;

  @ApiProperty({ example: 'Asia/Yekaterinburg' })
  timeZone: string;

  @ApiProperty({ nullable: true, type: String })
  venue: string | null;

  @ApiProperty({ nullable: true, type: String })
  address: string | null;

  @ApiProperty({ example: '2025-11-17' })
  startDate: string;

  @ApiProperty({ example: '2025-11-20' })
  endDate: string;

  @ApiProperty({ nullable: true, type: String })
  hostOrganization: string | null;
}

/** A published version in a list: when, by whom, and what it changed. */
export class AgendaVersionSummary {
  @ApiProperty({ example: 2 })
  number: number;

  @ApiProperty({ example: '2025-11-10T09:00:00.000Z' })
  publishedAt: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The account that published it' })
  publishedBy: number | null;

  @ApiProperty({ type: [AgendaChange], description: 'Against the version before it' })
  changes: AgendaChange[];

  static from(version: AgendaVersion): AgendaVersionSummary {
    return {
      number: version.number,
      publishedAt: version.publishedAt.toISOString(),
      publishedBy: version.publishedBy,
      changes: version.changes,
    };
  }
}

/** The agenda being edited, as those who may publish it see it. */
export interface AgendaDraft {
  /** A page of them as they are now, in time order. */
  sessions: Page<SessionResponse>;
  conflicts: Conflict[];
  /** The latest published version; null before the first. */
  basedOn: number | null;
  /** What the next publish would release, against that version; empty: nothing. */
  changes: AgendaChange[];
}

/** One published version of a stage's agenda, as it was released. */
export class AgendaVersionResponse extends AgendaVersionSummary {
  @ApiProperty({ example: 2 })
  stageId: number;

  @ApiProperty({ type: AgendaStage })
  stage: AgendaStage;

  @ApiProperty({ type: [SessionResponse], description: 'In time order; cancelled ones marked' })
  sessions: SessionResponse[];

  static override from(version: AgendaVersion): AgendaVersionResponse {
    const zone = version.stage.timeZone;
    return {
      ...AgendaVersionSummary.from(version),
      stageId: version.stageId,
      stage: version.stage,
      sessions: version.sessions.map((session) =>
        sessionOfSnapshot(session, version.stageId, zone),
      ),
    };
  }
}

/** A session as an agenda keeps it, as the API shows sessions. */
export function sessionOfSnapshot(
  { startsAt, endsAt, ...session }: SessionSnapshot,
  stageId: number,
  timeZone: string,
): SessionResponse {
  return {
    ...session,
    stageId,
    startsAt,
    endsAt,
    startsAtLocal: toLocalDateTime(new Date(startsAt), timeZone),
    endsAtLocal: toLocalDateTime(new Date(endsAt), timeZone),
    timeZone,
  };
}
