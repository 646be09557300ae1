import { AttendanceReport, AttendanceTotals } from '../../attendance/attendance-report.dto';
import { CohortResponse } from '../../cohorts/cohort.dto';
import { Locale } from '../../common/i18n/locale';
import { EnrollmentStatus } from '../../enrollments/enrollment.entity';
import { ProgramResponse } from '../../programs/program.dto';
import { Layout } from '../shared/layout';
import { PageContext } from '../shared/page-context';
import { Breadcrumbs, ScrollTable } from './admin-parts';
import { Pager, hrefOf } from '../shared/pager';
import { adminTexts } from './admin.messages';
import { reportTexts } from './report.messages';

function Totals({
  totals,
  warned,
  locale,
}: {
  totals: AttendanceTotals | null;
  warned: boolean;
  locale: Locale;
}) {
  const t = reportTexts(locale);
  if (!totals) {
    return <>{adminTexts(locale).none}</>;
  }
  if (totals.counted === 0) {
    return <span class="muted">{totals.excused > 0 ? t.excused(totals.excused) : t.notYet}</span>;
  }
  return (
    <>
      <span class="tally">{t.attended(totals.attended, totals.counted)}</span>
      {totals.ratePercent !== null && <span> · {t.rate(totals.ratePercent)}</span>}
      {totals.excused > 0 && <span class="muted"> · {t.excused(totals.excused)}</span>}
      {totals.completed && <span class="badge"> {t.completed}</span>}
      {warned && <span class="badge badge-warn"> {t.warned}</span>}
    </>
  );
}

export function ReportPage({
  page,
  program,
  cohort,
  report,
}: {
  page: PageContext;
  program: ProgramResponse;
  cohort: CohortResponse;
  report: AttendanceReport;
}) {
  const t = reportTexts(page.locale);
  const a = adminTexts(page.locale);
  const path = `/admin/cohorts/${cohort.id}/attendance-report`;
  const { items } = report.participants;
  return (
    <Layout page={page} title={`${t.title} · ${cohort.title}`} wide>
      <Breadcrumbs
        steps={[
          { href: '/admin', label: a.programs },
          { href: `/admin/programs/${program.id}`, label: program.title },
          { href: `/admin/cohorts/${cohort.id}`, label: cohort.title },
        ]}
        current={t.title}
        locale={page.locale}
      />
      <h1>
        {t.title}: {cohort.title}
      </h1>
      <p>
        {t.rule(report.rule.requiredAttendancePercent)} {t.excusedRule(report.rule.excusedAbsences)}
      </p>
      <ul class="link-list no-print">
        <li>
          <a href={`${path}.csv`} download>
            {t.csv}
          </a>
        </li>
        <li>
          <a href={`${path}.csv?delimiter=semicolon`} download>
            {t.csvSemicolon}
          </a>
        </li>
      </ul>
      {report.stages.length === 0 && <p>{t.noStages}</p>}
      {report.participants.total === 0 ? (
        <p>{t.noParticipants}</p>
      ) : (
        <ScrollTable label={t.tableLabel}>
          <thead>
            <tr>
              <th scope="col">{t.columnParticipant}</th>
              <th scope="col">{t.columnEnrollment}</th>
              {report.stages.map((stage) => (
                <th scope="col" key={stage.id}>
                  {t.stageHeading(stage.sequence, stage.city)}
                  <br />
                  <span class="muted">{t.mandatory(stage.mandatorySessions)}</span>
                </th>
              ))}
              <th scope="col">{t.program}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.participant.id}>
                <th scope="row">
                  {item.participant.fullName}
                  <br />
                  <span class="muted">{item.participant.municipality}</span>
                </th>
                <td>{a.enrollmentStatus(item.enrollmentStatus as EnrollmentStatus)}</td>
                {item.stages.map((stage) => (
                  <td key={stage.stageId}>
                    <Totals totals={stage} warned={stage.warning !== null} locale={page.locale} />
                  </td>
                ))}
                <td>
                  <Totals totals={item.program} warned={false} locale={page.locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager
        list={report.participants}
        hrefAt={(offset) => hrefOf(path, { offset })}
        label={t.tableLabel}
        locale={page.locale}
      />
    </Layout>
  );
}
