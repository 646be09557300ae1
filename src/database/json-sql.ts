import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { instantFromRaw } from './raw-values';

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
   * Runs `query` (one entity selected whole, ordered by its own columns, with LIMIT and OFFSET;
   * joins only to filter, one row per key) as `getManyAndCount` would, its page read as one JSON
   * text. The page's keys are found first and only its rows are read whole, so a sort over many
   * candidates carries their keys, not their rows. With `countWithPage` the total comes from the
   * same statement (`COUNT(*) OVER ()`), so the conditions are evaluated once: for a filter that
   * finds few rows at a cost per row, such as a search. Without it the count is a query of its
   * own, which an index answers without reading every row the window would. A read outside a
   * unit of work (it runs on the data source).
   */
  async readPage<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    { countWithPage = false } = {},
  ): Promise<[T[], number]> {
    const { alias, expressionMap } = query;
    const metadata = expressionMap.mainAlias!.metadata;
    const [key, ...compositeKey] = metadata.primaryColumns;
    if (expressionMap.selects.length !== 1 || compositeKey.length > 0) {
      throw new Error('readPage reads one entity with a one-column key, selected whole');
    }
    const driver = this.dataSource.driver;
    const orderColumns = Object.entries(expressionMap.orderBys).map(([path, direction]) => {
      const column = metadata.findColumnWithPropertyPath(path.slice(alias.length + 1));
      if (!column) {
        throw new Error(`readPage orders by the entity's own columns, not by ${path}`);
      }
      return { column, direction };
    });
    const inPage = (column: ColumnMetadata) =>
      `"page"."${DriverUtils.buildAlias(driver, undefined, alias, column.databaseName)}"`;
    const order = orderColumns.map(({ column, direction }) =>
      typeof direction === 'string'
        ? `${inPage(column)} ${direction}`
        : `${inPage(column)} ${direction.order} ${direction.nulls ?? ''}`,
    );
    const keyAndOrder = new Set([key, ...orderColumns.map(({ column }) => column)]);
    const keys = query
      .clone()
      .select([...keyAndOrder].map((column) => `${alias}.${column.propertyPath}`));
    if (countWithPage) {
      keys.addSelect('COUNT(*) OVER ()', 'page_total');
    }
    const [keysSql, parameters] = keys.getQueryAndParameters();
    const table = metadata.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
    const object = this.object(
      Object.fromEntries(
        metadata.columns.map((column) => [
          column.propertyName,
          `"row".${driver.escape(column.databaseName)}`,
        ]),
      ),
    );
    const total = countWithPage ? 'MAX("page"."page_total")' : 'NULL';
    const [[row], separateCount] = await Promise.all([
      query.connection.query(
        `SELECT ${this.array(object, order.join(', '))} AS "items", ${total} AS "total" ` +
          `FROM (${keysSql}) "page" ` +
          `INNER JOIN ${table} "row" ON "row".${driver.escape(key.databaseName)} = ${inPage(key)}`,
        parameters,
      ) as Promise<{ items: unknown; total: number | string | null }[]>,
      countWithPage ? undefined : query.getCount(),
    ]);
    const rows = this.parse<ObjectLiteral[]>(row.items).map((values) => {
      const entity = metadata.create() as T;
      for (const column of metadata.columns) {
        const value = driver.prepareHydratedValue(values[column.propertyName], column);
        // PostgreSQL writes instants in JSON as text, which its driver would have parsed.
        (entity as ObjectLiteral)[column.propertyName] =
          typeof value === 'string' && column.type === 'timestamptz'
            ? instantFromRaw(value)
            : value;
      }
      return entity;
    });
    // A page past the end has no row to carry the total.
    return [rows, Number(separateCount ?? row.total ?? (await query.getCount()))];
  }

  /** A JSON object of `fields`: each name with its SQL expression. */
  object(fields: Record<string, string>): string {
    const pairs = Object.entries(fields).map(([name, value]) => `'${name}', ${value}`);
    return `${this.onPostgres ? 'json_build_object' : 'json_object'}(${pairs.join(', ')})`;
  }

  /**
   * The JSON array of `object` over the rows aggregated, `[]` when none, in `orderBy` (text in
   * the database's collation). Without `orderBy` the order is not promised; ordering inside the
   * aggregate costs SQLite a sort of its own, so a page ordered by numbers or instants is
   * cheaper sorted after parsing.
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
