import { Injectable } from '@nestjs/common';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { Page } from '../common/http/pagination';
import { toLocalDateTime } from '../common/time/time';
import { JsonSql } from '../database/json-sql';
import { instantFromRaw } from '../database/raw-values';
import { queryNamed } from '../database/sql';
import { SessionResponse } from './session.dto';
import { SESSION_MENTORS } from './session.entity';

/** A session as the database writes it in JSON for a page of sessions. */
type SessionJson = Omit<SessionResponse, 'startsAtLocal' | 'endsAtLocal'>;

/** Where a page of sessions comes from: the table, its alias, and how its fields are read. */
export interface SessionTable {
  table: 'sessions' | 'published_sessions';
  alias: string;
  id: string;
  /** The JSON of the session's leaders, in name order. */
  mentors: (json: JsonSql, alias: string) => string;
  /** The time zone of the session's stage. */
  timeZone: (alias: string) => string;
}

/** Sessions being edited: their leaders from the join table. */
export const LIVE_SESSIONS: SessionTable = {
  table: 'sessions',
  alias: 'session',
  id: 'id',
  mentors: (json, alias) =>
    json.nested(
      `SELECT ${json.array(
        json.object({
          id: '"mentor"."id"',
          fullName: '"mentor"."fullName"',
          position: '"mentor"."position"',
        }),
        '"mentor"."fullName", "mentor"."id"',
      )} FROM "mentors" "mentor" INNER JOIN "${SESSION_MENTORS}" "link" ON "link"."mentorId" = "mentor"."id" ` +
        `WHERE "link"."sessionId" = "${alias}"."id"`,
    ),
  timeZone: (alias) =>
    `(SELECT "zone"."timeZone" FROM "stages" "zone" WHERE "zone"."id" = "${alias}"."stageId")`,
};

/** Sessions of published agendas: their leaders as published, and their own time zone. */
export const PUBLISHED_SESSIONS: SessionTable = {
  table: 'published_sessions',
  alias: 'published',
  id: 'sessionId',
  mentors: (json, alias) => json.jsonText(`"${alias}"."mentors"`),
  timeZone: (alias) => `"${alias}"."timeZone"`,
};

/**
 * A page of a stage's sessions in time order with its total, read in one query whose rows the
 * database returns as JSON (see JsonSql): a page of 50 wide rows costs little more than one.
 */
@Injectable()
export class SessionPages {
  constructor(private readonly json: JsonSql) {}

  async read(
    manager: EntityManager,
    source: SessionTable,
    conditions: string[],
    parameters: ObjectLiteral & { limit: number; offset: number },
  ): Promise<Page<SessionResponse>> {
    const { table, alias, id } = source;
    const where = conditions.join(' AND ');
    const order = `"${alias}"."startsAt", "${alias}"."${id}"`;
    const [row] = await queryNamed<{ items: unknown; total: number | string }>(
      manager,
      `SELECT ${this.json.array(this.object(source))} AS "items", ` +
        `(SELECT COUNT(*) FROM "${table}" "${alias}" WHERE ${where}) AS "total" ` +
        `FROM (SELECT * FROM "${table}" "${alias}" WHERE ${where} ` +
        `ORDER BY ${order} LIMIT :limit OFFSET :offset) "${alias}"`,
      parameters,
    );
    const items = this.json
      .parse<SessionJson[]>(row.items)
      .map(fromJson)
      .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id));
    return { items, total: Number(row.total), limit: parameters.limit, offset: parameters.offset };
  }

  /** The one session `conditions` find, if any. */
  async one(
    manager: EntityManager,
    source: SessionTable,
    conditions: string[],
    parameters: ObjectLiteral,
  ): Promise<SessionResponse | undefined> {
    const { table, alias } = source;
    const [row] = await queryNamed<{ item: unknown }>(
      manager,
      `SELECT ${this.object(source)} AS "item" FROM "${table}" "${alias}" ` +
        `WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
    return row ? fromJson(this.json.parse<SessionJson>(row.item)) : undefined;
  }

  private object({ alias, id, mentors, timeZone }: SessionTable): string {
    const { json } = this;
    const column = (name: string) => `"${alias}"."${name}"`;
    return json.object({
      id: column(id),
      stageId: column('stageId'),
      title: column('title'),
      description: column('description'),
      type: column('type'),
      status: column('status'),
      startsAt: column('startsAt'),
      endsAt: column('endsAt'),
      timeZone: timeZone(alias),
      venue: column('venue'),
      address: column('address'),
      onlineUrl: column('onlineUrl'),
      track: column('track'),
      isMandatory: column('isMandatory'),
      capacity: column('capacity'),
      speakers: json.jsonText(column('speakers')),
      mentors: mentors(json, alias),
    });
  }
}

/** The JSON the database wrote, with instants in UTC ISO text and local wall-clock times. */
function fromJson(session: SessionJson): SessionResponse {
  const startsAt = instantFromRaw(session.startsAt);
  const endsAt = instantFromRaw(session.endsAt);
  return {
    ...session,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    startsAtLocal: toLocalDateTime(startsAt, session.timeZone),
    endsAtLocal: toLocalDateTime(endsAt, session.timeZone),
    // SQLite writes booleans as 0 and 1.
    isMandatory: Boolean(session.isMandatory),
  };
}
