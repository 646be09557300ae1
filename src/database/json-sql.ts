import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { instantFromRaw } from './raw-values';

const INSTANT_TYPES = new Set<unknown>(['timestamptz', 'datetime']);

/**
 * Reads whose rows the database hands over as one JSON document. On SQLite the driver turns
 * every column of every row into a JavaScript value one call at a time, which costs several
 * times the query itself on a page of wide rows; one text parsed by `JSON.parse` costs little.
 * PostgreSQL's driver parses `json` values itself.
 */
@Injectable()
export class JsonSql {
  private readonly onPostgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.onPostgres = dataSource.options.type === 'postgres';
  }

  /**
   * Runs `query` (one entity, no joins, ordered by its own columns, with LIMIT and OFFSET) as
   * one statement answering the page as JSON and the count of every row it filters: what
   * `getManyAndCount` answers, without a second query or a second pass of its conditions.
   * A read outside a unit of work (it runs on the data source, not on a unit's connection).
   */
  async readPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<[T[], number]> {
    const metadata = query.expressionMap.mainAlias!.metadata;
    const driver = this.dataSource.driver;
    const selected = (column: ColumnMetadata) =>
      `"page"."${DriverUtils.buildAlias(driver, undefined, query.alias, column.databaseName)}"`;
    const order = Object.entries(query.expressionMap.orderBys).map(([key, direction]) => {
      const column = metadata.findColumnWithPropertyPath(key.slice(query.alias.length + 1));
      if (!column) {
        throw new Error(`readPage orders by the entity's own columns, not by ${key}`);
      }
      return `${selected(column)} ${typeof direction === 'string' ? direction : direction.order}`;
    });
    const [pageSql, parameters] = query
      .addSelect('COUNT(*) OVER ()', 'page_total')
      .getQueryAndParameters();
    const object = this.object(
      Object.fromEntries(metadata.columns.map((column) => [column.propertyName, selected(column)])),
    );
    const [row] = await query.connection.query(
      `SELECT ${this.array(object, order.join(', '))} AS "items", ` +
        `MAX("page"."page_total") AS "total" FROM (${pageSql}) "page"`,
      parameters,
    );
    const rows = this.parse<ObjectLiteral[]>(row.items).map((values) => {
      const entity = metadata.create() as T;
      for (const column of metadata.columns) {
        const value = driver.prepareHydratedValue(values[column.propertyName], column);
        // PostgreSQL writes instants in JSON as text, which its driver would have parsed.
        (entity as ObjectLiteral)[column.propertyName] =
          typeof value === 'string' && INSTANT_TYPES.has(column.type)
            ? instantFromRaw(value)
            : value;
      }
      return entity;
    });
    // A page past the end has no row to carry the total.
    const total =
      row.total === null ? await query.offset(undefined).limit(undefined).getCount() : row.total;
    return [rows, Number(total)];
  }

  /** A JSON object of `fields`: each name with its SQL expression. */
  object(fields: Record<string, string>): string {
    const pairs = Object.entries(fields).map(([name, value]) => `'${name}', ${value}`);
    return `${this.onPostgres ? 'json_build_object' : 'json_object'}(${pairs.join(', ')})`;
  }

  /**
   * The JSON array of `object` over the rows aggregated, `[]` when none. Without `orderBy` its
   * order is not promised: sorting inside the aggregate costs SQLite a sort of its own, so a
   * page of rows is better sorted after parsing.
   */
  array(object: string, orderBy?: string): string {
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    return this.onPostgres
      ? `COALESCE(json_agg(${object}${order}), '[]'::json)`
      : `json_group_array(${object}${order})`;
  }

  /** A scalar subquery answering JSON, kept as JSON inside an enclosing object. */
  nested(subquery: string): string {
    return this.onPostgres ? `(${subquery})` : `json((${subquery}))`;
  }

  /** A column holding JSON text (`simple-json`), as JSON. */
  jsonText(column: string): string {
    return this.onPostgres ? `${column}::json` : `json(${column})`;
  }

  /** The value of a JSON column read by a raw query. */
  parse<T>(value: unknown): T {
    return (typeof value === 'string' ? JSON.parse(value) : value) as T;
  }
}
