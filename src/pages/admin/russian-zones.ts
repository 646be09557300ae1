import { Locale } from '../../common/i18n/locale';
import { utcOffset } from '../../common/time/local-time';

/**
 * The IANA zones of Russia, west to east, with cities people know them by. Tyumen has no zone
 * of its own: it keeps Yekaterinburg's time.
 */
const RUSSIAN_ZONES: { zone: string; ru: string; en: string }[] = [
  { zone: 'Europe/Kaliningrad', ru: 'Калининград', en: 'Kaliningrad' },
  {
    zone: 'Europe/Moscow',
    ru: 'Москва, Санкт-Петербург, Казань',
    en: 'Moscow, St Petersburg, Kazan',
  },
  { zone: 'Europe/Simferopol', ru: 'Симферополь, Севастополь', en: 'Simferopol, Sevastopol' },
  { zone: 'Europe/Kirov', ru: 'Киров', en: 'Kirov' },
  { zone: 'Europe/Volgograd', ru: 'Волгоград', en: 'Volgograd' },
  { zone: 'Europe/Astrakhan', ru: 'Астрахань', en: 'Astrakhan' },
  { zone: 'Europe/Saratov', ru: 'Саратов', en: 'Saratov' },
  { zone: 'Europe/Ulyanovsk', ru: 'Ульяновск', en: 'Ulyanovsk' },
  { zone: 'Europe/Samara', ru: 'Самара, Ижевск', en: 'Samara, Izhevsk' },
  {
    zone: 'Asia/Yekaterinburg',
    ru: 'Екатеринбург, Тюмень, Пермь, Когалым',
    en: 'Yekaterinburg, Tyumen, Perm, Kogalym',
  },
  { zone: 'Asia/Omsk', ru: 'Омск', en: 'Omsk' },
  { zone: 'Asia/Novosibirsk', ru: 'Новосибирск', en: 'Novosibirsk' },
  { zone: 'Asia/Barnaul', ru: 'Барнаул, Горно-Алтайск', en: 'Barnaul, Gorno-Altaysk' },
  { zone: 'Asia/Tomsk', ru: 'Томск', en: 'Tomsk' },
  { zone: 'Asia/Novokuznetsk', ru: 'Новокузнецк, Кемерово', en: 'Novokuznetsk, Kemerovo' },
  { zone: 'Asia/Krasnoyarsk', ru: 'Красноярск', en: 'Krasnoyarsk' },
  { zone: 'Asia/Irkutsk', ru: 'Иркутск, Улан-Удэ', en: 'Irkutsk, Ulan-Ude' },
  { zone: 'Asia/Chita', ru: 'Чита', en: 'Chita' },
  { zone: 'Asia/Yakutsk', ru: 'Якутск, Благовещенск', en: 'Yakutsk, Blagoveshchensk' },
  { zone: 'Asia/Khandyga', ru: 'Хандыга', en: 'Khandyga' },
  { zone: 'Asia/Vladivostok', ru: 'Владивосток, Хабаровск', en: 'Vladivostok, Khabarovsk' },
  { zone: 'Asia/Ust-Nera', ru: 'Усть-Нера', en: 'Ust-Nera' },
  { zone: 'Asia/Magadan', ru: 'Магадан', en: 'Magadan' },
  { zone: 'Asia/Sakhalin', ru: 'Южно-Сахалинск', en: 'Yuzhno-Sakhalinsk' },
  { zone: 'Asia/Srednekolymsk', ru: 'Среднеколымск', en: 'Srednekolymsk' },
  { zone: 'Asia/Kamchatka', ru: 'Петропавловск-Камчатский', en: 'Petropavlovsk-Kamchatsky' },
  { zone: 'Asia/Anadyr', ru: 'Анадырь', en: 'Anadyr' },
];

/** The zones as options of a select: `Asia/Yekaterinburg (UTC+5): Екатеринбург, Тюмень…`. */
export function russianZoneOptions(locale: Locale, now: Date): { value: string; label: string }[] {
  return RUSSIAN_ZONES.map((entry) => ({
    value: entry.zone,
    label: `${entry.zone} (${utcOffset(now, entry.zone)}): ${entry[locale]}`,
  }));
}
