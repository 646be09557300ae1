import { ComponentChildren } from 'preact';
import { Locale } from '../../common/i18n/locale';
import { Page } from '../../common/http/pagination';
import { commonTexts } from '../shared/common.messages';
import { adminTexts } from './admin.messages';

/** Rows per page of every list of the organizer's pages. */
export const ROWS_PER_PAGE = 50;

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
    <nav class="pager" aria-label={adminTexts(locale).pages(label)}>
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

/** Where a page lies under the programs: each step a link, the page itself last. */
export function Breadcrumbs({
  steps,
  current,
  locale,
}: {
  steps: { href: string; label: string }[];
  current: string;
  locale: Locale;
}) {
  return (
    <nav class="breadcrumbs" aria-label={adminTexts(locale).breadcrumbs}>
      <ol>
        {steps.map((step) => (
          <li key={step.href}>
            <a href={step.href}>{step.label}</a>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/**
 * A table that scrolls sideways on a narrow screen; the scrolling region can be reached with
 * the keyboard and is named for screen readers.
 */
export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

/** `?notice=` names one of the page's own texts; anything else shows nothing. */
export function noticeOf<K extends string>(
  key: unknown,
  texts: Record<K, string>,
  keys: readonly K[],
): string | undefined {
  return keys.find((known) => known === key) && texts[key as K];
}
