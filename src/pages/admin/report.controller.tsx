import { BadRequestException, Get, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { attendanceCsv } from '../../attendance/attendance-csv';
import { AttendanceReportQuery } from '../../attendance/attendance-report.dto';
import { AttendanceReports, WHOLE_COHORT } from '../../attendance/attendance-reports.service';
import { CohortsService } from '../../cohorts/cohorts.service';
import { PageIdParam } from '../shared/page-id-param';
import { ProgramsService } from '../../programs/programs.service';
import { readForm } from '../shared/forms';
import { Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { sendPage } from '../shared/render';
import { ROWS_PER_PAGE } from './admin-parts';
import { ReportPage } from './report.views';

/**
 * A cohort's attendance report as a table, and as the API's CSV file for the signed-in
 * organizer's browser: the session cookie is enough to download it.
 */
@PageController('admin/cohorts')
@PageRoles('organizer')
export class ReportPageController {
  constructor(
    private readonly reports: AttendanceReports,
    private readonly cohorts: CohortsService,
    private readonly programs: ProgramsService,
  ) {}

  @Get(':id/attendance-report')
  async show(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @Query('offset') offset: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const cohort = await this.cohorts.get(page.caller, id);
    const [program, report] = await Promise.all([
      this.programs.get(page.caller, cohort.programId),
      this.reports.report(page.caller, id, { limit: ROWS_PER_PAGE, offset: pageOffset(offset) }),
    ]);
    sendPage(
      response,
      <ReportPage page={page} program={program} cohort={cohort} report={report} />,
    );
  }

  @Get(':id/attendance-report.csv')
  async csv(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @Query('delimiter') delimiter: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const { value, errors } = await readForm(
      AttendanceReportQuery,
      delimiter === undefined ? {} : { delimiter },
      page.locale,
    );
    if (errors) {
      throw new BadRequestException(['delimiter must be comma or semicolon']);
    }
    const report = await this.reports.report(page.caller, id, WHOLE_COHORT);
    response
      .type('text/csv; charset=utf-8')
      .attachment(`attendance-cohort-${id}.csv`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(attendanceCsv(report, value.delimiter ?? 'comma'));
  }
}
