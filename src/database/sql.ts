import { DataSource } from 'typeorm';

/** The marker of the `index`-th (1-based) parameter of a raw statement: `$1` or `?1`. */
export function parameterMarker(dataSource: DataSource, index: number): string {
  return dataSource.options.type === 'postgres' ? `$${index}` : `?${index}`;
}
