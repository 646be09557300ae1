import { catalogue } from '../shared/i18n';

export const rosterTexts = catalogue({
  ru: {
    title: (session: string) => `Посещаемость: ${session}`,
    cancelled: 'Занятие отменено: отметки не ставятся, самоотметки нет.',
    rosterTitle: 'Участники',
    howTo: 'Нажмите отметку у человека — она сохраняется сразу, по одной.',
    empty: 'В потоке этого занятия пока нет участников.',
    notMarked: 'Нет отметки',
    marked: (status: string) => `Отметка: ${status}`,
    selfCheckIn: (status: string, time: string) => `Отметился(ась) сам(а) в ${time}: ${status}`,
    withdrawn: 'выбыл(а)',
    refused: 'Не сохранено: сервер отказал. Обновите страницу.',
    codeTitle: 'Код для самоотметки',
    codeIntro: 'Участники вводят код на странице отметки или наводят камеру на QR-код.',
    qrAlt: (code: string) => `QR-код ссылки для самоотметки с кодом ${code}`,
    link: 'Ссылка',
    rotates: (seconds: number, until: string) =>
      `Код меняется каждые ${seconds} с; этот действует до ${until}.`,
    window: (opens: string, lateAfter: string, closes: string) =>
      `Самоотметка: с ${opens} до ${closes}; после ${lateAfter} — «опоздал(а)».`,
    showOnScreen: 'Показать код на отдельном экране',
    toRoster: 'К списку участников',
    codeOffline: 'Нет связи — код обновится, когда она вернётся…',
    codeRefused: 'Код не получен. Обновите страницу.',
  },
  en: {
    title: (session: string) => `Attendance: ${session}`,
    cancelled: 'The session is cancelled: nobody is marked and there is no self check-in.',
    rosterTitle: 'Participants',
    howTo: 'Tap a mark beside a person: each one is saved at once, on its own.',
    empty: 'The cohort of this session has no participants yet.',
    notMarked: 'Not marked',
    marked: (status: string) => `Marked: ${status}`,
    selfCheckIn: (status: string, time: string) => `Checked in at ${time}: ${status}`,
    withdrawn: 'withdrawn',
    refused: 'Not saved: the server refused. Reload the page.',
    codeTitle: 'Self check-in code',
    codeIntro: 'Participants type the code on the check-in page or scan the QR code.',
    qrAlt: (code: string) => `QR code of the check-in link with the code ${code}`,
    link: 'Link',
    rotates: (seconds: number, until: string) =>
      `The code changes every ${seconds} s; this one holds until ${until}.`,
    window: (opens: string, lateAfter: string, closes: string) =>
      `Self check-in: from ${opens} to ${closes}; after ${lateAfter} it counts as late.`,
    showOnScreen: 'Show the code on a screen of its own',
    toRoster: 'Back to the participants',
    codeOffline: 'No connection: the code is refreshed when it is back…',
    codeRefused: 'The code could not be fetched. Reload the page.',
  },
});
