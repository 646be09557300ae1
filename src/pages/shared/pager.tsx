import { Locale } from '../../common/i18n/locale';
import { Page } from '../../common/http/pagination';
import { commonTexts } from './common.messages';

/** `path?a=1&b=2` from the parameters that have a value, and an optional `#fragment`. */
export function hrefOf(
  path: string,
  parameters: Record<string, string | number | undefined | null>,
  fragment?: string,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, String(value));
    }
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** Previous and next links of a list, and where in it this page is. */
export function Pager({
  list,
  hrefAt,
  label,
  locale,
}: {
  list: Pick<Page<unknown>, 'total' | 'limit' | 'offset'>;
  hrefAt: (offset: number) => string;
  /** What the list is, for the navigation's name. */
  label: string;
  locale: Locale;
}) {
  const { total, limit, offset } = list;
  if (offset === 0 && total <= limit) {
    return null;
  }
  const t = commonTexts(locale);
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return (
    <nav class="pager" aria-label={t.pages(label)}>
      {offset > 0 && (
        <a href={hrefAt(Math.max(0, offset - limit))} rel="prev">
          {t.previous}
        </a>
      )}
      <span>{t.pageOf(from, to, total)}</span>
      {offset + limit < total && (
        <a href={hrefAt(offset + limit)} rel="next">
          {t.next}
        </a>
      )}
    </nav>
  );
}
