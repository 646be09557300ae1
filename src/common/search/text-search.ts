import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { VisibleWhere } from '../../access/access.service';
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
   * Narrows `query` to the rows that match `search` and that `visible` lets the reader see: the
   * matches drive the read, the scope is asked of each match inside the search (so an engine
   * never walks the list's order index testing rows, and a reader who sees one row checks only
   * that one), and only the matches that pass are looked up.
   */
  joinMatches<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    { alias, table }: TextSearchTarget,
    search: string,
    emails: EmailsReadable,
    visible: (idColumn: string) => VisibleWhere,
  ): SelectQueryBuilder<T> {
    const folded = foldForSearch(search);
    const parameters: Record<string, unknown> = { searchPattern: containsPattern(search) };
    const like = (column: string) => `"row"."${column}" LIKE :searchPattern ESCAPE '\\'`;
    /** `conditions` and the reader's scope over `idColumn`, its parameters added to the join's. */
    const where = (idColumn: string, ...conditions: string[]) => {
      const scope = visible(idColumn);
      Object.assign(parameters, scope.parameters);
      return [...conditions, ...scope.conditions]
        .map((condition) => `(${condition})`)
        .join(' AND ');
    };
    let matches: string;
    if (this.onSqlite && [...folded].length >= MIN_INDEXED_LENGTH) {
      const columns = emails === 'all' ? '{searchText email}' : 'searchText';
      parameters.searchMatch = `${columns} : "${folded.replace(/"/g, '""')}"`;
      const index = `"${table}_search"`;
      matches =
        `SELECT ${index}.rowid AS "id" FROM ${index} ` +
        `WHERE ${where(`${index}.rowid`, `${index} MATCH :searchMatch`)}`;
    } else {
      // On PostgreSQL the trigram indexes find these rows (see the SearchAndOverlapIndexes
      // migration); the OFFSET 0 keeps the planner from walking the name index instead and
      // testing every row on the way.
      const text =
        emails === 'all' ? `(${like('searchText')} OR ${like('email')})` : like('searchText');
      matches =
        `SELECT "row"."id" FROM "${table}" "row" WHERE ${where('"row"."id"', text)}` +
        (this.onSqlite ? '' : ' OFFSET 0');
    }
    if (typeof emails === 'object') {
      parameters.searchEmailOwner = emails.id;
      const ownEmail =
        `SELECT "row"."id" FROM "${table}" "row" ` +
        `WHERE ${where('"row"."id"', '"row"."id" = :searchEmailOwner', like('email'))}`;
      // PostgreSQL takes a part with its own OFFSET only in parentheses; SQLite takes none.
      matches = this.onSqlite ? `${matches} UNION ${ownEmail}` : `(${matches}) UNION (${ownEmail})`;
    }
    return query.innerJoin(`(${matches})`, 'matched', `"matched"."id" = ${alias}.id`, parameters);
  }
}
