import type { ExcusedAbsenceRule } from '../../programs/program.entity';
import { catalogue } from '../shared/i18n';

export const reportTexts = catalogue({
  ru: {
    title: 'Посещаемость',
    tableLabel: 'Посещаемость по участникам и этапам',
    rule: (percent: number) =>
      `Этап и программа завершены, если посещено не менее ${percent}% обязательных занятий, которые уже прошли.`,
    columnParticipant: 'Участник',
    columnEnrollment: 'Статус',
    stageHeading: (sequence: number, city: string) => `${sequence}. ${city}`,
    mandatory: (count: number) => `обязательных: ${count}`,
    program: 'Вся программа',
    attended: (attended: number, counted: number) => `${attended} из ${counted}`,
    excused: (count: number) => `уваж.: ${count}`,
    excusedRule: (rule: ExcusedAbsenceRule) =>
      ({
        excluded:
          'Занятия, пропущенные по уважительной причине («уваж.»), не входят в счёт: «6 из 7» при 8 прошедших значит, что одно из них пропущено по уважительной причине.',
        attended: 'Пропуски по уважительной причине («уваж.») засчитываются как посещения.',
        missed: 'Пропуски по уважительной причине («уваж.») считаются пропусками.',
      })[rule],
    rate: (percent: number) => `${percent.toLocaleString('ru-RU')}%`,
    completed: 'завершено',
    warned: 'предупреждение',
    notYet: 'занятий ещё не было',
    noStages: 'У потока пока нет этапов.',
    noParticipants: 'В потоке пока никого нет.',
    csv: 'Скачать CSV',
    csvSemicolon: 'CSV для Excel (через точку с запятой)',
  },
  en: {
    title: 'Attendance',
    tableLabel: 'Attendance by participant and stage',
    rule: (percent: number) =>
      `A stage and the program are completed with at least ${percent}% of the mandatory sessions held so far attended.`,
    columnParticipant: 'Participant',
    columnEnrollment: 'Status',
    stageHeading: (sequence: number, city: string) => `${sequence}. ${city}`,
    mandatory: (count: number) => `mandatory: ${count}`,
    program: 'Whole program',
    attended: (attended: number, counted: number) => `${attended} of ${counted}`,
    excused: (count: number) => `excused: ${count}`,
    excusedRule: (rule: ExcusedAbsenceRule) =>
      ({
        excluded:
          'Sessions missed for a good reason (“excused”) are left out of the count: “6 of 7” with 8 held means one of them was excused.',
        attended: 'Sessions missed for a good reason (“excused”) count as attended.',
        missed: 'Sessions missed for a good reason (“excused”) count as missed.',
      })[rule],
    rate: (percent: number) => `${percent.toLocaleString('en-GB')}%`,
    completed: 'completed',
    warned: 'warning',
    notYet: 'no sessions yet',
    noStages: 'The cohort has no stages yet.',
    noParticipants: 'Nobody is enrolled yet.',
    csv: 'Download CSV',
    csvSemicolon: 'CSV for Excel (semicolon-separated)',
  },
});
