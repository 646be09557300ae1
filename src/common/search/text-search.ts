import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { containsPattern, foldForSearch } from './fold-for-search';

/** The trigram index finds substrings of three characters or more. */
const MIN_INDEXED_LENGTH = 3;

/** Whose email a search may match: everyone's, one record's (the reader's own), or none. */
export type EmailsReadable = 'all' | { id: number } | 'none';

export interface TextSearchTarget {
  /** The alias of the searched table in the query. */
  alias: string;
  /** The searched table: `participants` or `mentors` (each with `searchText` and `email`). */
  table: string;
}

/**
 * Substring search over a table's folded `searchText` and, where the reader may see it, its
 * email, through the trigram index of each engine (see the SearchAndOverlapIndexes migration).
 * A search never matches an email its reader may not see.
 */
@Injectable()
export class TextSearch implements OnApplicationBootstrap {
  private readonly logger = new Logger(TextSearch.name);
  private readonly onSqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.onSqlite = dataSource.options.type === 'sqlite';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.onSqlite) {
      return;
    }
    const installed: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`,
    );
    if (installed.length === 0) {
      this.logger.warn(
        'PostgreSQL extension pg_trgm is not installed (the role may not create it): ' +
          'participant and mentor searches scan their tables. Install it and run the migrations.',
      );
    }
  }

  /**
   * Narrows `query` to the rows that match `search`, joined as `"matched"."id"`: the column a
   * scope condition should test, so that the matches drive the read and only those that pass
   * are looked up. Returns that column.
   */
  joinMatches<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    { alias, table }: TextSearchTarget,
    search: string,
    emails: EmailsReadable,
  ): string {
    const folded = foldForSearch(search);
    const parameters: Record<string, unknown> = { searchPattern: containsPattern(search) };
    const like = (column: string) => `"row"."${column}" LIKE :searchPattern ESCAPE '\\'`;
    let matches: string;
    if (this.onSqlite && [...folded].length >= MIN_INDEXED_LENGTH) {
      const columns = emails === 'all' ? '{searchText email}' : 'searchText';
      parameters.searchMatch = `${columns} : "${folded.replace(/"/g, '""')}"`;
      matches = `SELECT rowid AS "id" FROM "${table}_search" WHERE "${table}_search" MATCH :searchMatch`;
    } else {
      // On PostgreSQL the trigram indexes find these rows (see the SearchAndOverlapIndexes
      // migration); the OFFSET 0 keeps the planner from walking the name index instead and
      // testing every row on the way.
      const email = emails === 'all' ? ` OR ${like('email')}` : '';
      matches =
        `SELECT "row"."id" FROM "${table}" "row" WHERE ${like('searchText')}${email}` +
        (this.onSqlite ? '' : ' OFFSET 0');
    }
    if (typeof emails === 'object') {
      parameters.searchEmailOwner = emails.id;
      const ownEmail =
        `SELECT "row"."id" FROM "${table}" "row" ` +
        `WHERE "row"."id" = :searchEmailOwner AND ${like('email')}`;
      // PostgreSQL takes a part with its own OFFSET only in parentheses; SQLite takes none.
      matches = this.onSqlite ? `${matches} UNION ${ownEmail}` : `(${matches}) UNION (${ownEmail})`;
    }
    query.innerJoin(`(${matches})`, 'matched', `"matched"."id" = ${alias}.id`, parameters);
    return '"matched"."id"';
  }
}
