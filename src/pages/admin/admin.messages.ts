import { EnrollmentStatus } from '../../enrollments/enrollment.entity';
import { ExcusedAbsenceRule, ProgramStatus } from '../../programs/program.entity';
import { catalogue } from '../shared/i18n';

/** Texts the organizer's pages share: names of statuses, the path, list paging. */
export const adminTexts = catalogue({
  ru: {
    breadcrumbs: 'Вы здесь',
    programs: 'Программы',
    programStatus: (status: ProgramStatus) =>
      ({ draft: 'черновик', active: 'идёт', completed: 'завершена', archived: 'в архиве' })[status],
    enrollmentStatus: (status: EnrollmentStatus) =>
      ({ active: 'участвует', withdrawn: 'выбыл(а)', completed: 'завершил(а)' })[status],
    excusedAbsences: (rule: ExcusedAbsenceRule) =>
      ({
        excluded: 'не учитываются в доле',
        attended: 'считаются посещением',
        missed: 'считаются пропуском',
      })[rule],
    none: '—',
  },
  en: {
    breadcrumbs: 'You are here',
    programs: 'Programs',
    programStatus: (status: ProgramStatus) =>
      ({ draft: 'draft', active: 'active', completed: 'completed', archived: 'archived' })[status],
    enrollmentStatus: (status: EnrollmentStatus) =>
      ({ active: 'active', withdrawn: 'withdrawn', completed: 'completed' })[status],
    excusedAbsences: (rule: ExcusedAbsenceRule) =>
      ({
        excluded: 'left out of the share',
        attended: 'count as attended',
        missed: 'count as missed',
      })[rule],
    none: '—',
  },
});
