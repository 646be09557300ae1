import { localClock, localDates, localDay, localSpan, utcOffset } from '../common/time/local-time';
import { startOfLocalDate } from '../common/time/time';
import type { Locale } from './notification.entity';

/** Every text a notification says, in Russian and English. */

export interface MessageText {
  subject: string;
  body: string;
}

/** A session or meeting as a message lists it. */
export interface ListedItem {
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  city: string;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  /** A cancelled session still listed (an agenda's first version may hold one). */
  cancelled?: boolean;
}

export interface StageFacts {
  title: string;
  city: string;
  region: string;
  venue: string | null;
  address: string | null;
  startDate: string;
  endDate: string;
  timeZone: string;
}

const greeting = (name: string, locale: Locale) =>
  locale === 'en' ? `Hello, ${name}!` : `Здравствуйте, ${name}!`;

/** Where: the venue and address, and the online link; each on its own line. */
function place(
  item: Pick<ListedItem, 'venue' | 'address' | 'onlineUrl'>,
  locale: Locale,
  indent = '',
): string {
  const where = [item.venue, item.address].filter(Boolean).join(', ');
  return [
    where && `${indent}${locale === 'en' ? 'Place' : 'Место'}: ${where}`,
    item.onlineUrl && `${indent}${locale === 'en' ? 'Online' : 'Онлайн'}: ${item.onlineUrl}`,
  ]
    .filter(Boolean)
    .join('\n');
}

const CANCELLED = { ru: ' (отменено)', en: ' (cancelled)' };

function listed(item: ListedItem, locale: Locale): string {
  const where = place(item, locale, '  ');
  const cancelled = item.cancelled ? CANCELLED[locale] : '';
  return `• ${localSpan(item.startsAt, item.endsAt, item.timeZone, item.city, locale)} — ${item.title}${cancelled}${where ? `\n${where}` : ''}`;
}

const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((part) => part !== false && part !== null && part !== undefined).join('\n');

export function sessionReminder(name: string, session: ListedItem, locale: Locale): MessageText {
  const when = localSpan(session.startsAt, session.endsAt, session.timeZone, session.city, locale);
  const at = localClock(session.startsAt, session.timeZone);
  return locale === 'en'
    ? {
        subject: `Reminder: ${session.title} at ${at} (${session.city})`,
        body: lines(greeting(name, 'en'), '', `${session.title} — ${when}.`, place(session, 'en')),
      }
    : {
        subject: `Напоминание: ${session.title} в ${at} (${session.city})`,
        body: lines(greeting(name, 'ru'), '', `${session.title} — ${when}.`, place(session, 'ru')),
      };
}

/** To the mentee (`withMentor`: its mentor's name) or to the mentor (its mentee's name). */
export function meetingReminder(
  name: string,
  other: { name: string; isMentor: boolean },
  meeting: ListedItem,
  locale: Locale,
): MessageText {
  const when = localSpan(meeting.startsAt, meeting.endsAt, meeting.timeZone, meeting.city, locale);
  const at = localClock(meeting.startsAt, meeting.timeZone);
  const withWhom =
    locale === 'en'
      ? `with your ${other.isMentor ? 'mentor' : 'mentee'} ${other.name}`
      : `${other.isMentor ? 'с наставником' : 'с участником'} ${other.name}`;
  return locale === 'en'
    ? {
        subject: `Mentoring meeting at ${at}: ${meeting.title}`,
        body: lines(
          greeting(name, 'en'),
          '',
          `Your mentoring meeting ${withWhom}: ${meeting.title}, ${when}.`,
          place(meeting, 'en'),
        ),
      }
    : {
        subject: `Встреча наставничества в ${at}: ${meeting.title}`,
        body: lines(
          greeting(name, 'ru'),
          '',
          `Ваша встреча ${withWhom}: ${meeting.title}, ${when}.`,
          place(meeting, 'ru'),
        ),
      };
}

export function stageAnnouncement(
  name: string,
  stage: StageFacts,
  sessions: ListedItem[],
  locale: Locale,
): MessageText {
  const dates = localDates(stage.startDate, stage.endDate, locale);
  const where = [stage.venue, stage.address].filter(Boolean).join(', ');
  const zone = `${stage.timeZone}, ${utcOffset(startOfLocalDate(stage.startDate, stage.timeZone), stage.timeZone)}`;
  if (locale === 'en') {
    return {
      subject: `Coming up: ${stage.title}, ${stage.city}, ${dates}`,
      body: lines(
        greeting(name, 'en'),
        '',
        `The stage “${stage.title}” takes place in ${stage.city} (${stage.region}), ${dates}.`,
        where && `Venue: ${where}`,
        `All times are local to ${stage.city} (${zone}).`,
        '',
        sessions.length > 0
          ? `Your sessions:\n${sessions.map((session) => listed(session, 'en')).join('\n')}`
          : 'The agenda is not published yet; you will receive it as soon as it is.',
        sessions.length > 0 && '\nThe attached calendar file adds them to your calendar.',
      ),
    };
  }
  return {
    subject: `Скоро этап: ${stage.title}, ${stage.city}, ${dates}`,
    body: lines(
      greeting(name, 'ru'),
      '',
      `Этап «${stage.title}» пройдёт в городе ${stage.city} (${stage.region}), ${dates}.`,
      where && `Место: ${where}`,
      `Всё время указано местное: ${stage.city} (${zone}).`,
      '',
      sessions.length > 0
        ? `Ваши занятия:\n${sessions.map((session) => listed(session, 'ru')).join('\n')}`
        : 'Программа ещё не опубликована: вы получите её, как только она появится.',
      sessions.length > 0 && '\nПриложенный файл календаря добавит их в ваш календарь.',
    ),
  };
}

export function eveningDigest(
  name: string,
  stageTitle: string,
  sessions: ListedItem[],
  locale: Locale,
): MessageText {
  const first = sessions[0];
  const day = localDay(first.startsAt, first.timeZone, locale);
  const list = sessions.map((session) => listed(session, locale)).join('\n');
  return locale === 'en'
    ? {
        subject: `Tomorrow, ${day}: your sessions in ${first.city}`,
        body: lines(greeting(name, 'en'), '', `Your sessions of “${stageTitle}” tomorrow:`, list),
      }
    : {
        subject: `Завтра, ${day}: ваши занятия — ${first.city}`,
        body: lines(greeting(name, 'ru'), '', `Ваши занятия этапа «${stageTitle}» завтра:`, list),
      };
}

/** One line of an agenda-change notice. */
export interface ChangeLine {
  kind: string;
  title: string;
  /** The session as published now, when it still is on the agenda. */
  now?: ListedItem;
  /** Its earlier time, for a move. */
  before?: ListedItem;
  /** What else changed, with the old and new values. */
  fields?: { field: string; from: unknown; to: unknown }[];
}

const FIELD_NAMES: Record<string, [string, string]> = {
  title: ['название', 'title'],
  description: ['описание', 'description'],
  type: ['вид', 'type'],
  track: ['поток', 'track'],
  isMandatory: ['обязательное', 'mandatory'],
  capacity: ['мест', 'places'],
  speakers: ['спикеры', 'speakers'],
  mentors: ['наставники', 'mentors'],
  city: ['город', 'city'],
  region: ['регион', 'region'],
  venue: ['место', 'venue'],
  address: ['адрес', 'address'],
  startDate: ['начало', 'starts'],
  endDate: ['окончание', 'ends'],
  timeZone: ['часовой пояс', 'time zone'],
  hostOrganization: ['принимающая организация', 'host organization'],
};

function shown(value: unknown, locale: Locale): string {
  if (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  ) {
    return '—';
  }
  if (typeof value === 'boolean') {
    return locale === 'en' ? (value ? 'yes' : 'no') : value ? 'да' : 'нет';
  }
  return `«${Array.isArray(value) ? value.join(', ') : String(value)}»`;
}

function fieldLines(change: ChangeLine, locale: Locale): string {
  return (change.fields ?? [])
    .filter((field) => FIELD_NAMES[field.field])
    .map((field) => {
      const [ru, en] = FIELD_NAMES[field.field];
      return `\n  ${locale === 'en' ? en : ru}: ${shown(field.from, locale)} → ${shown(field.to, locale)}`;
    })
    .join('');
}

const CHANGE_WORDS: Record<string, [string, string]> = {
  session_added: ['Добавлено', 'Added'],
  session_removed: ['Убрано из программы', 'Removed'],
  session_moved: ['Перенесено', 'Moved'],
  session_place_changed: ['Новое место', 'New place'],
  session_cancelled: ['Отменено', 'Cancelled'],
  session_restored: ['Снова в программе', 'Back on the agenda'],
  session_changed: ['Изменено', 'Changed'],
  stage_place_changed: ['Новое место этапа', 'The stage’s place changed'],
  stage_dates_changed: ['Новые даты этапа', 'The stage’s dates changed'],
  stage_zone_changed: ['Уточнён часовой пояс этапа', 'The stage’s time zone was corrected'],
  stage_changed: ['Изменён этап', 'The stage changed'],
};

function changeLine(change: ChangeLine, locale: Locale): string {
  const [ru, en] = CHANGE_WORDS[change.kind] ?? CHANGE_WORDS.session_changed;
  const cancelled =
    change.now?.cancelled && change.kind !== 'session_cancelled' ? CANCELLED[locale] : '';
  const head = `• ${locale === 'en' ? en : ru}: ${change.title}${cancelled}`;
  const span = (item: ListedItem) =>
    localSpan(item.startsAt, item.endsAt, item.timeZone, item.city, locale);
  if (change.before && change.now) {
    return `${head}\n  ${span(change.before)} → ${span(change.now)}`;
  }
  if (change.now && change.kind !== 'session_removed') {
    const where = change.kind === 'session_place_changed' ? place(change.now, locale, '  ') : '';
    return `${head}\n  ${span(change.now)}${where ? `\n${where}` : ''}${fieldLines(change, locale)}`;
  }
  return `${head}${fieldLines(change, locale)}`;
}

export function agendaChange(
  name: string,
  stage: StageFacts,
  version: number,
  changes: ChangeLine[],
  locale: Locale,
): MessageText {
  if (version === 1) {
    return agendaPublished(name, stage, changes, locale);
  }
  const list = changes.map((change) => changeLine(change, locale)).join('\n');
  return locale === 'en'
    ? {
        subject: `Agenda changes: ${stage.title}, ${stage.city}`,
        body: lines(
          greeting(name, 'en'),
          '',
          `Version ${version} of the agenda of “${stage.title}” changes what you have (local times of ${stage.city}):`,
          list,
          '',
          'The attached calendar file updates your calendar.',
        ),
      }
    : {
        subject: `Изменения в программе: ${stage.title}, ${stage.city}`,
        body: lines(
          greeting(name, 'ru'),
          '',
          `Версия ${version} программы этапа «${stage.title}» меняет ваше расписание (время местное, ${stage.city}):`,
          list,
          '',
          'Приложенный файл календаря обновит ваш календарь.',
        ),
      };
}

/** The first published agenda: the sessions still to come. */
function agendaPublished(
  name: string,
  stage: StageFacts,
  changes: ChangeLine[],
  locale: Locale,
): MessageText {
  const list = changes
    .filter((change) => change.now && !change.now.cancelled)
    .map((change) => listed(change.now!, locale))
    .join('\n');
  return locale === 'en'
    ? {
        subject: `Agenda published: ${stage.title}, ${stage.city}`,
        body: lines(
          greeting(name, 'en'),
          '',
          `The agenda of “${stage.title}” is published. Your sessions (local times of ${stage.city}):`,
          list,
          '',
          'The attached calendar file adds them to your calendar.',
        ),
      }
    : {
        subject: `Опубликована программа: ${stage.title}, ${stage.city}`,
        body: lines(
          greeting(name, 'ru'),
          '',
          `Опубликована программа этапа «${stage.title}». Ваши занятия (время местное, ${stage.city}):`,
          list,
          '',
          'Приложенный файл календаря добавит их в ваш календарь.',
        ),
      };
}

/** `{link}` stands for the one-time link, which is kept apart from the stored text. */
export const LINK_PLACEHOLDER = '{link}';

export function invitation(name: string, expiresAt: Date, locale: Locale): MessageText {
  const until = expiresAt.toISOString().replace('T', ' ').slice(0, 16);
  return locale === 'en'
    ? {
        subject: 'Your account for the training program',
        body: lines(
          greeting(name, 'en'),
          '',
          'An account has been made for you. Open this link to set your password:',
          LINK_PLACEHOLDER,
          '',
          `The link works once, until ${until} UTC.`,
        ),
      }
    : {
        subject: 'Ваша учётная запись в программе',
        body: lines(
          greeting(name, 'ru'),
          '',
          'Для вас создана учётная запись. Чтобы задать пароль, откройте ссылку:',
          LINK_PLACEHOLDER,
          '',
          `Ссылка действует один раз, до ${until} UTC.`,
        ),
      };
}

export function passwordReset(name: string, expiresAt: Date, locale: Locale): MessageText {
  const until = expiresAt.toISOString().replace('T', ' ').slice(0, 16);
  return locale === 'en'
    ? {
        subject: 'Password reset',
        body: lines(
          greeting(name, 'en'),
          '',
          'Someone (we hope you) asked to reset your password. Open this link to set a new one:',
          LINK_PLACEHOLDER,
          '',
          `The link works once, until ${until} UTC. If you did not ask, ignore this message.`,
        ),
      }
    : {
        subject: 'Сброс пароля',
        body: lines(
          greeting(name, 'ru'),
          '',
          'Поступил запрос на сброс вашего пароля. Чтобы задать новый, откройте ссылку:',
          LINK_PLACEHOLDER,
          '',
          `Ссылка действует один раз, до ${until} UTC. Если вы не запрашивали сброс, ничего не делайте.`,
        ),
      };
}

export interface WarningFacts {
  participantName: string;
  stageTitle: string;
  city: string;
  attended: number;
  counted: number;
  requiredPercent: number;
}

export function attendanceWarning(name: string, facts: WarningFacts, locale: Locale): MessageText {
  const rate = facts.counted > 0 ? Math.round((facts.attended / facts.counted) * 100) : 0;
  return locale === 'en'
    ? {
        subject: `Attendance warning: ${facts.participantName}, ${facts.stageTitle}`,
        body: lines(
          greeting(name, 'en'),
          '',
          `${facts.participantName} has attended ${facts.attended} of ${facts.counted} mandatory sessions (${rate}%) of “${facts.stageTitle}” (${facts.city}); the program requires ${facts.requiredPercent}%.`,
        ),
      }
    : {
        subject: `Посещаемость: ${facts.participantName}, ${facts.stageTitle}`,
        body: lines(
          greeting(name, 'ru'),
          '',
          `${facts.participantName} посетил(а) ${facts.attended} из ${facts.counted} обязательных занятий (${rate}%) этапа «${facts.stageTitle}» (${facts.city}); программа требует ${facts.requiredPercent}%.`,
        ),
      };
}
