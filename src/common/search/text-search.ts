import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

  where<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    { alias, table }: TextSearchTarget,
    search: string,
    emails: EmailsReadable,
  ): SelectQueryBuilder<T> {
    const folded = foldForSearch(search);
    const pattern = containsPattern(search);
    const like = (column: string) => `${alias}.${column} LIKE :searchPattern ESCAPE '\\'`;
    const ownEmail = `(${alias}.id = :searchEmailOwner AND ${like('email')})`;
    if (this.onSqlite && [...folded].length >= MIN_INDEXED_LENGTH) {
      const columns = emails === 'all' ? '{searchText email}' : 'searchText';
      const phrase = `"${folded.replace(/"/g, '""')}"`;
      const matches =
        `${alias}.id IN (SELECT rowid FROM "${table}_search" ` +
        `WHERE "${table}_search" MATCH :searchMatch)`;
      return query.andWhere(
        new Brackets((where) => {
          where.where(matches, { searchMatch: `${columns} : ${phrase}` });
          if (typeof emails === 'object') {
            where.orWhere(ownEmail, {
              searchEmailOwner: emails.id,
              searchPattern: pattern,
            });
          }
        }),
      );
    }
    // PostgreSQL: the trigram indexes find the matches first; the OFFSET 0 keeps the planner
    // from walking the name index instead and testing every row on the way.
    const inTable =
      `${alias}.id IN (SELECT "match"."id" FROM "${table}" "match" WHERE ` +
      `"match"."searchText" LIKE :searchPattern ESCAPE '\\'` +
      (emails === 'all' ? ` OR "match"."email" LIKE :searchPattern ESCAPE '\\'` : '') +
      ' OFFSET 0)';
    return query.andWhere(
      new Brackets((where) => {
        where.where(this.onSqlite ? like('searchText') : inTable, { searchPattern: pattern });
        if (emails === 'all' && this.onSqlite) {
          where.orWhere(like('email'));
        } else if (typeof emails === 'object') {
          where.orWhere(ownEmail, { searchEmailOwner: emails.id });
        }
      }),
    );
  }
}
