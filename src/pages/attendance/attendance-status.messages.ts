import { catalogue } from '../shared/i18n';

/** The names of attendance marks, shared by the roster and the check-in page. */
export const statusTexts = catalogue({
  ru: {
    present: 'Присутствует',
    late: 'Опоздал(а)',
    excused: 'Уважительная причина',
    absent: 'Отсутствует',
  },
  en: {
    present: 'Present',
    late: 'Late',
    excused: 'Excused',
    absent: 'Absent',
  },
});
