import { catalogue } from '../shared/i18n';

export const agendaTexts = catalogue({
  ru: {
    title: (stage: string) => `Программа: ${stage}`,
    heading: 'Программа этапа',
    version: (number: number, when: string) => `Версия ${number}, опубликована ${when}.`,
    timesNote: (zone: string) => `Время указано местное: ${zone}.`,
    addToCalendar: 'Добавить в календарь (.ics)',
    addToCalendarHint:
      'Файл откроется в приложении календаря; время в нём — по часовому поясу этапа.',
    parallel: 'Параллельно',
    mainTrack: 'Общая программа',
    mandatory: 'обязательное',
    speakers: (names: string) => `Выступают: ${names}`,
    leads: (names: string) => `Ведут: ${names}`,
    empty: 'В программе нет занятий.',
    earlier: 'Предыдущие занятия',
    later: 'Следующие занятия',
    host: (organization: string) => `Принимает: ${organization}`,
  },
  en: {
    title: (stage: string) => `Agenda: ${stage}`,
    heading: 'Agenda of the stage',
    version: (number: number, when: string) => `Version ${number}, published ${when}.`,
    timesNote: (zone: string) => `Times are local: ${zone}.`,
    addToCalendar: 'Add to calendar (.ics)',
    addToCalendarHint: 'The file opens in a calendar app; its times carry the stage’s time zone.',
    parallel: 'In parallel',
    mainTrack: 'Main programme',
    mandatory: 'mandatory',
    speakers: (names: string) => `Speakers: ${names}`,
    leads: (names: string) => `Led by: ${names}`,
    empty: 'The agenda has no sessions.',
    earlier: 'Previous sessions',
    later: 'Next sessions',
    host: (organization: string) => `Hosted by: ${organization}`,
  },
});
