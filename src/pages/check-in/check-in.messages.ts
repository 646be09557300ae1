import { catalogue } from '../shared/i18n';

export const checkInTexts = catalogue({
  ru: {
    title: 'Отметка на занятии',
    codeLabel: 'Код занятия',
    codeHint: 'Код показан на экране в зале или его назовёт ведущий. Регистр и пробелы не важны.',
    submit: 'Отметиться',
    window: (opens: string, lateAfter: string, closes: string) =>
      `Отметиться можно с ${opens} до ${closes}; после ${lateAfter} отметка — «опоздание».`,
    markedPresent: 'Вы отмечены: присутствуете. Спасибо!',
    markedLate: 'Вы отмечены с опозданием.',
    markedByStaff: (status: string) => `Организаторы уже отметили вас: ${status}.`,
    wrongCode: 'Код не подходит. Проверьте его на экране и введите снова.',
    notOpenYet: (time: string) => `Отметка ещё не открыта: она откроется в ${time}.`,
    closed: (time: string) => `Отметка уже закрыта: она закончилась в ${time}.`,
    cancelled: 'Занятие отменено — отмечаться не нужно.',
    notMember: 'Вы не числитесь в потоке этого занятия. Обратитесь к организаторам.',
    tooManyWrongCodes: (minutes: number) =>
      `Слишком много неверных кодов. Попробуйте снова через ${minutes} мин.`,
    toSchedule: 'К моему расписанию',
  },
  en: {
    title: 'Check in to a session',
    codeLabel: 'Session code',
    codeHint:
      'The code is on the screen in the room, or the host reads it out. Case and spaces do not matter.',
    submit: 'Check in',
    window: (opens: string, lateAfter: string, closes: string) =>
      `Check-in is open from ${opens} to ${closes}; after ${lateAfter} it counts as late.`,
    markedPresent: 'You are marked present. Thank you!',
    markedLate: 'You are marked late.',
    markedByStaff: (status: string) => `The organizers have marked you already: ${status}.`,
    wrongCode: 'That is not the code. Check it on the screen and type it again.',
    notOpenYet: (time: string) => `Check-in has not opened yet: it opens at ${time}.`,
    closed: (time: string) => `Check-in has closed: it closed at ${time}.`,
    cancelled: 'The session is cancelled: there is nothing to check in to.',
    notMember: 'You are not on the cohort of this session. Please ask the organizers.',
    tooManyWrongCodes: (minutes: number) =>
      `Too many wrong codes. Please try again in ${minutes} min.`,
    toSchedule: 'To my schedule',
  },
});
