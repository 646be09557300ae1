import { ComponentChildren } from 'preact';
import { Locale } from '../../common/i18n/locale';
import { adminTexts } from './admin.messages';

/** Rows per page of every list of the organizer's pages. */
export const ROWS_PER_PAGE = 50;

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
