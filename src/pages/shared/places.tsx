import { Locale } from '../../common/i18n/locale';
import { catalogue } from './i18n';

/** A map search for an address (Yandex Maps: the map people in Russia use). */
export function mapLinkOf(address: string): string {
  return `https://yandex.ru/maps/?text=${encodeURIComponent(address)}`;
}

/** Only http(s) links are shown as links: stored text never becomes `javascript:`. */
export function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

const placeTexts = catalogue({
  ru: { map: 'на карте', online: 'Ссылка на трансляцию', onlineOnly: 'Онлайн' },
  en: { map: 'map', online: 'Online link', onlineOnly: 'Online' },
});

/** Where a session is: venue and address with a map link, and the online link. */
export function Place({
  venue,
  address,
  onlineUrl,
  locale,
}: {
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  locale: Locale;
}) {
  const t = placeTexts(locale);
  const link = safeUrl(onlineUrl);
  return (
    <span class="place">
      {venue && <span>{venue}</span>}
      {address && (
        <span>
          {venue ? ', ' : ''}
          {address} (
          <a href={mapLinkOf(address)} rel="noopener noreferrer" target="_blank">
            {t.map}
          </a>
          )
        </span>
      )}
      {link && (
        <span>
          {venue || address ? ' · ' : ''}
          <a href={link} rel="noopener noreferrer" target="_blank">
            {venue || address ? t.online : t.onlineOnly}
          </a>
        </span>
      )}
    </span>
  );
}
