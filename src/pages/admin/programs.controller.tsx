import { Get, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { CreateCohortDto } from '../../cohorts/cohort.dto';
import { CohortsService } from '../../cohorts/cohorts.service';
import { PageIdParam } from '../shared/page-id-param';
import { CreateProgramDto, UpdateProgramDto } from '../../programs/program.dto';
import { ProgramsService } from '../../programs/programs.service';
import { problemsOf, readForm } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { seeOther } from '../shared/redirects';
import { sendPage } from '../shared/render';
import { FormState, typedFields, withNumbers } from './admin-forms';
import { ROWS_PER_PAGE, noticeOf } from './admin-parts';
import { programTexts } from './programs.messages';
import { NEW_PROGRAM, PROGRAM_FIELDS, ProgramPage, ProgramsPage } from './programs.views';

const NOTICES = ['created', 'cohortAdded', 'statusChanged'] as const;

/** The organizer's programs, one program with its cohorts, and the forms that add them. */
@PageController('admin')
@PageRoles('organizer')
export class ProgramsPagesController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly cohorts: CohortsService,
  ) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query('offset') offset: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await this.showPrograms(page, pageOffset(offset), NEW_PROGRAM, 200, response);
  }

  @Post('programs')
  async create(@Page() page: PageContext, @FormBody() body: unknown, @Res() response: Response) {
    const values = typedFields(body, PROGRAM_FIELDS);
    const { value, errors } = await readForm(
      CreateProgramDto,
      withNumbers(values, ['requiredAttendancePercent']),
      page.locale,
    );
    if (errors) {
      return this.showPrograms(page, 0, { values, errors }, 400, response);
    }
    let id: number;
    try {
      ({ id } = await this.programs.create(page.caller, value));
    } catch (error) {
      const problems = problemsOf(error, PROGRAM_FIELDS);
      const form = { values, errors: problems.fields, problems: problems.form };
      return this.showPrograms(page, 0, form, 400, response);
    }
    seeOther(response, `/admin/programs/${id}?notice=created`);
  }

  @Get('programs/:id')
  async show(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @Query('offset') offset: unknown,
    @Query('notice') notice: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await this.showProgram(page, id, pageOffset(offset), { values: {} }, 200, response, notice);
  }

  @Post('programs/:id/status')
  async changeStatus(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ) {
    const values = typedFields(body, ['status']);
    const { value, errors } = await readForm(UpdateProgramDto, values, page.locale);
    if (errors) {
      return this.showProgram(page, id, 0, { values: {}, problems: errors.status }, 400, response);
    }
    await this.programs.update(page.caller, id, value);
    seeOther(response, `/admin/programs/${id}?notice=statusChanged`);
  }

  @Post('programs/:id/cohorts')
  async addCohort(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ) {
    const values = typedFields(body, ['title']);
    const { value, errors } = await readForm(CreateCohortDto, values, page.locale);
    if (errors) {
      return this.showProgram(page, id, 0, { values, errors }, 400, response);
    }
    try {
      await this.cohorts.create(page.caller, id, value);
    } catch (error) {
      const { form } = problemsOf(error, []);
      const taken = { title: [programTexts(page.locale).cohortTitleTaken] };
      const conflict = form.length > 0 && /already has a cohort/.test(form[0]);
      const state = conflict ? { values, errors: taken } : { values, problems: form };
      return this.showProgram(page, id, 0, state, conflict ? 409 : 400, response);
    }
    seeOther(response, `/admin/programs/${id}?notice=cohortAdded#cohorts`);
  }

  private async showPrograms(
    page: PageContext,
    offset: number,
    form: FormState,
    status: number,
    response: Response,
  ): Promise<void> {
    const programs = await this.programs.list(page.caller, { limit: ROWS_PER_PAGE, offset });
    sendPage(response, <ProgramsPage page={page} programs={programs} form={form} />, status);
  }

  private async showProgram(
    page: PageContext,
    id: number,
    offset: number,
    form: FormState,
    status: number,
    response: Response,
    notice?: unknown,
  ): Promise<void> {
    const [program, cohorts] = await Promise.all([
      this.programs.get(page.caller, id),
      this.cohorts.listForProgram(page.caller, id, { limit: ROWS_PER_PAGE, offset }),
    ]);
    sendPage(
      response,
      <ProgramPage
        page={page}
        program={program}
        cohorts={cohorts}
        form={form}
        notice={noticeOf(notice, programTexts(page.locale), NOTICES)}
      />,
      status,
    );
  }
}
