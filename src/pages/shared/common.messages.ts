import { catalogue } from './i18n';

/** Texts every page shares: the frame, the forms, the errors. */
export const commonTexts = catalogue({
  ru: {
    siteName: 'Школа мэров',
    skipToContent: 'Перейти к содержанию',
    mainNavigation: 'Основное меню',
    mySchedule: 'Моё расписание',
    myStages: 'Мои этапы',
    programs: 'Программы',
    participants: 'Участники',
    notifications: 'Уведомления',
    signOut: 'Выйти',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
    required: 'Обязательное поле',
    tooLong: (max: number) => `Не длиннее ${max} знаков`,
    tooShort: (min: number) => `Не короче ${min} знаков`,
    notEmail: 'Нужен адрес электронной почты',
    notUrl: 'Нужна ссылка, начинающаяся с http:// или https://',
    notNumber: 'Нужно целое число',
    notInList: 'Выберите значение из списка',
    notDateTime: 'Нужны дата и время',
    notDate: 'Нужна дата',
    notTimeZone: 'Нужен часовой пояс из списка IANA, например Europe/Moscow',
    notBeforeStart: 'Не раньше начала',
    outOfRange: 'Число вне допустимых пределов',
    invalid: 'Неверное значение',
    save: 'Сохранить',
    cancel: 'Отмена',
    previous: 'Назад',
    next: 'Дальше',
    pageOf: (from: number, to: number, total: number) => `${from}–${to} из ${total}`,
    pages: (list: string) => `Страницы: ${list}`,
    errorTitle: (status: number) =>
      status === 404
        ? 'Не найдено'
        : status === 403
          ? 'Нет доступа'
          : status === 401
            ? 'Нужно войти'
            : status === 429
              ? 'Слишком много попыток'
              : status >= 500
                ? 'Ошибка сервера'
                : 'Не получилось',
    errorText: (status: number) =>
      status === 404
        ? 'Такой страницы нет, или она вам не видна.'
        : status === 403
          ? 'У вашей учётной записи нет доступа к этой странице.'
          : status === 429
            ? 'Подождите немного и попробуйте снова.'
            : status >= 500
              ? 'Что-то сломалось на нашей стороне. Попробуйте ещё раз через минуту.'
              : 'Запрос не выполнен.',
    formExpired: 'Форма устарела. Обновите страницу и отправьте её снова.',
    toHome: 'На главную',
    reference: (id: string) => `Код ошибки: ${id}`,
    saving: 'Сохраняем…',
    savingFailed: 'Не сохранено — повторяем…',
    saved: 'Сохранено',
  },
  en: {
    siteName: 'School of Mayors',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main menu',
    mySchedule: 'My schedule',
    myStages: 'My stages',
    programs: 'Programs',
    participants: 'Participants',
    notifications: 'Notifications',
    signOut: 'Sign out',
    otherLanguage: 'Русский',
    otherLanguageCode: 'ru',
    required: 'Required',
    tooLong: (max: number) => `At most ${max} characters`,
    tooShort: (min: number) => `At least ${min} characters`,
    notEmail: 'An email address is needed',
    notUrl: 'A link starting with http:// or https:// is needed',
    notNumber: 'A whole number is needed',
    notInList: 'Choose a value from the list',
    notDateTime: 'A date and time are needed',
    notDate: 'A date is needed',
    notTimeZone: 'An IANA time zone is needed, such as Europe/Moscow',
    notBeforeStart: 'Not before the start',
    outOfRange: 'The number is out of range',
    invalid: 'Invalid value',
    save: 'Save',
    cancel: 'Cancel',
    previous: 'Previous',
    next: 'Next',
    pageOf: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    pages: (list: string) => `Pages: ${list}`,
    errorTitle: (status: number) =>
      status === 404
        ? 'Not found'
        : status === 403
          ? 'Not allowed'
          : status === 401
            ? 'Please sign in'
            : status === 429
              ? 'Too many attempts'
              : status >= 500
                ? 'Server error'
                : 'That did not work',
    errorText: (status: number) =>
      status === 404
        ? 'There is no such page, or it is not visible to you.'
        : status === 403
          ? 'Your account may not open this page.'
          : status === 429
            ? 'Please wait a little and try again.'
            : status >= 500
              ? 'Something broke on our side. Please try again in a minute.'
              : 'The request was not carried out.',
    formExpired: 'The form has expired. Reload the page and send it again.',
    toHome: 'Home',
    reference: (id: string) => `Error reference: ${id}`,
    saving: 'Saving…',
    savingFailed: 'Not saved — retrying…',
    saved: 'Saved',
  },
});
