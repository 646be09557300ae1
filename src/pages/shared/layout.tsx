import { ComponentChildren } from 'preact';
import { commonTexts } from './common.messages';
import { PageContext } from './page-context';

interface NavLink {
  href: string;
  label: string;
}

function navigationOf(page: PageContext): NavLink[] {
  const t = commonTexts(page.locale);
  switch (page.actor?.role) {
    case 'participant':
    case 'mentor':
      return [{ href: '/schedule', label: t.mySchedule }];
    case 'host':
      return [{ href: '/stages', label: t.myStages }];
    case 'organizer':
      return [
        { href: '/admin', label: t.programs },
        { href: '/admin/participants', label: t.participants },
        { href: '/admin/notifications', label: t.notifications },
      ];
    default:
      return [];
  }
}

/** The same page in the other language. */
function otherLanguageHref(page: PageContext, code: string): string {
  const url = new URL(page.url, 'http://page');
  url.searchParams.set('lang', code);
  return `${url.pathname}${url.search}`;
}

/**
 * The frame of every page: a skip link, the site's name, the role's menu, sign-out and the
 * language switch, then the page's own content in `main`.
 */
export function Layout({
  page,
  title,
  children,
  wide = false,
}: {
  page: PageContext;
  title: string;
  children: ComponentChildren;
  /** Wide content (a public agenda's parallel tracks, tables). */
  wide?: boolean;
}) {
  const t = commonTexts(page.locale);
  const path = new URL(page.url, 'http://page').pathname;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{`${title} · ${t.siteName}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/htmx.min.js" defer></script>
        <script src="/assets/pages.js" defer></script>
      </head>
      <body
        hx-headers={JSON.stringify({ 'x-csrf-token': page.csrfToken })}
        data-saving={t.saving}
        data-saving-failed={t.savingFailed}
        data-saved={t.saved}
      >
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            {t.siteName}
          </a>
          <nav aria-label={t.mainNavigation}>
            <ul>
              {navigationOf(page).map((link) => (
                <li key={link.href}>
                  <a href={link.href} aria-current={path === link.href ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="site-tools">
            <a
              href={otherLanguageHref(page, t.otherLanguageCode)}
              hreflang={t.otherLanguageCode}
              lang={t.otherLanguageCode}
            >
              {t.otherLanguage}
            </a>
            {page.actor && (
              <form method="post" action="/sign-out" class="inline">
                <CsrfField page={page} />
                <button type="submit" class="link-button">
                  {t.signOut}
                </button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class={wide ? 'wide' : undefined} tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField({ page }: { page: PageContext }) {
  return <input type="hidden" name="_csrf" value={page.csrfToken} />;
}
