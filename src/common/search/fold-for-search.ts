/**
 * Lower-cases text for substring search on both engines. SQLite's `lower()` and `LIKE` fold
 * only ASCII, so the folded text is computed here and stored beside the record. `ё` is
 * searched as `е`, as Russian readers expect.
 */
export function foldForSearch(...parts: (string | null | undefined)[]): string {
  return (
    parts
      .filter((part): part is string => Boolean(part))
      .join(' ')
      // A letter typed with a combining mark (е + ◌̈) is the same letter as its composed form.
      .normalize('NFC')
      .toLocaleLowerCase('ru')
      .replace(/ё/g, 'е')
  );
}

/** A `LIKE ... ESCAPE '\'` pattern that finds `search` anywhere, wildcards taken literally. */
export function containsPattern(search: string): string {
  return `%${foldForSearch(search).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
