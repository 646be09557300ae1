import { CohortResponse } from '../../cohorts/cohort.dto';
import { Page } from '../../common/http/pagination';
import { EnrollmentResponse } from '../../enrollments/enrollment.dto';
import { MentorResponse } from '../../mentors/mentor.dto';
import { ProgramResponse } from '../../programs/program.dto';
import { StageResponse } from '../../stages/stage.dto';
import { Notice } from '../shared/form-fields';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { FormState } from './admin-forms';
import { Breadcrumbs } from './admin-parts';
import { adminTexts } from './admin.messages';
import { EnrollmentsSection, ParticipantSearch } from './cohort-enrollments.views';
import { ChosenMentor, MentorsSection } from './cohort-mentors.views';
import { StagesSection } from './cohort-stages.views';
import { cohortTexts } from './cohort.messages';

/** The links that move one list of the cohort page on, the others staying where they are. */
export interface CohortPageLinks {
  stagesAt: (offset: number) => string;
  enrollmentsAt: (offset: number) => string;
  menteesAt: (offset: number) => string;
}

export interface CohortPageData {
  program: ProgramResponse;
  cohort: CohortResponse;
  stages: Page<StageResponse>;
  enrollments: Page<EnrollmentResponse>;
  search: ParticipantSearch;
  mentors: MentorResponse[];
  active: EnrollmentResponse[];
  chosen: ChosenMentor | null;
  now: Date;
}

/** The forms of the page as they were sent back, when one of them was refused. */
export interface CohortForms {
  stage: FormState;
  enrollProblems: string[];
  assignment: FormState;
}

export function CohortPage({
  page,
  data,
  forms,
  links,
  notice,
}: {
  page: PageContext;
  data: CohortPageData;
  forms: CohortForms;
  links: CohortPageLinks;
  notice?: string;
}) {
  const t = cohortTexts(page.locale);
  const a = adminTexts(page.locale);
  const { program, cohort } = data;
  const report = `/admin/cohorts/${cohort.id}/attendance-report`;
  return (
    <Layout page={page} title={`${cohort.title} · ${program.title}`} wide>
      <Breadcrumbs
        steps={[
          { href: '/admin', label: a.programs },
          { href: `/admin/programs/${program.id}`, label: program.title },
        ]}
        current={cohort.title}
        locale={page.locale}
      />
      <h1>{cohort.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <StagesSection
        page={page}
        cohortId={cohort.id}
        stages={data.stages}
        form={forms.stage}
        now={data.now}
        hrefAt={links.stagesAt}
      />
      <EnrollmentsSection
        page={page}
        cohortId={cohort.id}
        enrollments={data.enrollments}
        search={data.search}
        problems={forms.enrollProblems}
        hrefAt={links.enrollmentsAt}
      />
      <MentorsSection
        page={page}
        cohortId={cohort.id}
        mentors={data.mentors}
        active={data.active}
        chosen={data.chosen}
        form={forms.assignment}
        hrefAt={links.menteesAt}
      />
      <section aria-labelledby="attendance">
        <h2 id="attendance">{t.attendance}</h2>
        <p>{t.attendanceIntro}</p>
        <ul class="link-list">
          <li>
            <a href={report}>{t.reportLink}</a>
          </li>
          <li>
            <a href={`${report}.csv`} download>
              {t.csv}
            </a>
          </li>
          <li>
            <a href={`${report}.csv?delimiter=semicolon`} download>
              {t.csvSemicolon}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
