import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';

/** The marker of the `index`-th (1-based) parameter of a raw statement: `$1` or `?1`. */
export function parameterMarker(dataSource: DataSource, index: number): string {
  return dataSource.options.type === 'postgres' ? `$${index}` : `?${index}`;
}

/**
 * Runs raw SQL with `:name` and `:...names` parameters, converted as the query builder would
 * (instants in the engine's own format).
 */
export function queryNamed<T>(
  runner: DataSource | EntityManager,
  sql: string,
  parameters: ObjectLiteral,
): Promise<T[]> {
  const driver = runner instanceof DataSource ? runner.driver : runner.connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, parameters, {});
  return runner.query(query, values);
}

/** An instant column as the UTC ISO text JavaScript writes (`2025-11-18T05:00:00.000Z`). */
export function isoInstantSql(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'postgres'
    ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', ${column})`;
}
