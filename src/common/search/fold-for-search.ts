import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Lower-cases text for substring search on both engines. SQLite's `lower()` and `LIKE` fold
 * only ASCII, so the folded text is computed here and stored beside the record. `ё` is
 * searched as `е`, as Russian readers expect.
 */
export function foldForSearch(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е');
}

/** A `LIKE ... ESCAPE '\'` pattern that finds `search` anywhere, wildcards taken literally. */
export function containsPattern(search: string): string {
  return `%${foldForSearch(search).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Narrows `query` to rows of `alias` whose folded `searchText` contains `search`, or whose
 * email does among the rows whose email the reader may see (`emailReadable`: ids, or 'all'):
 * a search must not reveal an address its reader may not see.
 */
export function whereTextMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  search: string,
  emailReadable: number[] | 'all',
): SelectQueryBuilder<T> {
  const pattern = containsPattern(search);
  const emailMatches = `${alias}.email LIKE :pattern ESCAPE '\\'`;
  return query.andWhere(
    new Brackets((where) => {
      where.where(`${alias}.searchText LIKE :pattern ESCAPE '\\'`, { pattern });
      if (emailReadable === 'all') {
        where.orWhere(emailMatches, { pattern });
      } else if (emailReadable.length > 0) {
        where.orWhere(`(${emailMatches} AND ${alias}.id IN (:...emailReadable))`, {
          pattern,
          emailReadable,
        });
      }
    }),
  );
}
