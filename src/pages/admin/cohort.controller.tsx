import { BadRequestException, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { CohortsService } from '../../cohorts/cohorts.service';
import { MAX_PAGE_SIZE } from '../../common/http/pagination';
import { PageIdParam } from '../shared/page-id-param';
import { Clock } from '../../common/time/clock';
import { isValidLocalDate } from '../../common/time/time';
import { CreateEnrollmentDto } from '../../enrollments/enrollment.dto';
import { EnrollmentsService } from '../../enrollments/enrollments.service';
import { CreateMentorAssignmentDto } from '../../mentors/mentor-assignment.dto';
import { MentorAssignmentsService } from '../../mentors/mentor-assignments.service';
import { MentorsService } from '../../mentors/mentors.service';
import { ListParticipantsQuery } from '../../participants/participant.dto';
import { ParticipantsService } from '../../participants/participants.service';
import { ProgramsService } from '../../programs/programs.service';
import { CreateStageDto } from '../../stages/stage.dto';
import { StagesService } from '../../stages/stages.service';
import { commonTexts } from '../shared/common.messages';
import { FieldErrors, checkbox, problemsOf, readForm } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { seeOther } from '../shared/redirects';
import { sendFragment, sendPage } from '../shared/render';
import { Typed, reword, typedFields, withNumbers } from './admin-forms';
import { ROWS_PER_PAGE, noticeOf } from './admin-parts';
import { hrefOf } from '../shared/pager';
import { FoundParticipants, ParticipantSearch } from './cohort-enrollments.views';
import { STAGE_FIELDS } from './cohort-stages.views';
import { cohortTexts } from './cohort.messages';
import { CohortForms, CohortPage, CohortPageData } from './cohort.views';

const NOTICES = ['stageAdded', 'enrolled', 'withdrawn', 'assigned', 'unassigned'] as const;

/** Participants the enroll box shows at most; the organizer narrows the search for others. */
const FOUND_AT_MOST = 10;

/** Which part of each list the cohort page shows, from its query. */
interface CohortView {
  stagesOffset: number;
  enrollmentsOffset: number;
  menteesOffset: number;
  find: string;
  mentorId: number | null;
}

const FIRST_VIEW: CohortView = {
  stagesOffset: 0,
  enrollmentsOffset: 0,
  menteesOffset: 0,
  find: '',
  mentorId: null,
};

const NO_FORMS: CohortForms = {
  stage: { values: {} },
  enrollProblems: [],
  assignment: { values: {} },
};

function idOf(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2 ** 31 - 1
    ? Number(value)
    : null;
}

/**
 * A cohort as its organizer runs it: the stages (added here, edited on each stage's own page),
 * who is enrolled, who mentors whom, and the way to its attendance report.
 */
@PageController('admin/cohorts')
@PageRoles('organizer')
export class CohortPageController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly cohorts: CohortsService,
    private readonly stages: StagesService,
    private readonly participants: ParticipantsService,
    private readonly enrollments: EnrollmentsService,
    private readonly mentors: MentorsService,
    private readonly assignments: MentorAssignmentsService,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const view: CohortView = {
      stagesOffset: pageOffset(query.stagesOffset),
      enrollmentsOffset: pageOffset(query.enrollmentsOffset),
      menteesOffset: pageOffset(query.menteesOffset),
      find: typeof query.find === 'string' ? query.find : '',
      mentorId: idOf(query.mentor),
    };
    await this.render(page, id, view, NO_FORMS, 200, response, query.notice);
  }

  /** The enroll box's results alone, for htmx as the organizer types. */
  @Get(':id/participant-search')
  async participantSearch(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @Query('find') find: unknown,
    @Res() response: Response,
  ): Promise<void> {
    await this.cohorts.get(page.caller, id);
    const search = await this.search(page, typeof find === 'string' ? find : '');
    sendFragment(response, <FoundParticipants page={page} cohortId={id} search={search} />);
  }

  @Post(':id/stages')
  async addStage(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const values = typedFields(body, STAGE_FIELDS);
    const input = {
      ...withNumbers(values, ['sequence']),
      isPublic: checkbox(body as Record<string, unknown>, 'isPublic'),
    };
    const { value, errors } = await readForm(CreateStageDto, input, page.locale);
    if (errors) {
      return this.refuseStage(page, id, values, errors, [], 400, response);
    }
    try {
      await this.stages.create(page.caller, id, value);
    } catch (error) {
      const problems = problemsOf(error, STAGE_FIELDS);
      const taken = problems.form.some((problem) => /already has a stage/.test(problem));
      if (taken) {
        const sequence = [cohortTexts(page.locale).sequenceTaken];
        return this.refuseStage(page, id, values, { sequence }, [], 409, response);
      }
      return this.refuseStage(page, id, values, problems.fields, problems.form, 400, response);
    }
    seeOther(response, `/admin/cohorts/${id}?notice=stageAdded#stages`);
  }

  @Post(':id/enrollments')
  async enroll(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const values = typedFields(body, ['participantId']);
    const { value, errors } = await readForm(
      CreateEnrollmentDto,
      withNumbers(values, ['participantId']),
      page.locale,
    );
    if (errors) {
      const forms = { ...NO_FORMS, enrollProblems: [commonTexts(page.locale).invalid] };
      return this.render(page, id, FIRST_VIEW, forms, 400, response);
    }
    try {
      await this.enrollments.enroll(page.caller, id, value);
    } catch (error) {
      problemsOf(error, []);
      const forms = { ...NO_FORMS, enrollProblems: [cohortTexts(page.locale).alreadyEnrolled] };
      return this.render(page, id, FIRST_VIEW, forms, 409, response);
    }
    seeOther(response, `/admin/cohorts/${id}?notice=enrolled#enrollments`);
  }

  @Post(':id/enrollments/:participantId/withdraw')
  async withdraw(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @PageIdParam('participantId') participantId: number,
    @Res() response: Response,
  ): Promise<void> {
    await this.enrollments.withdraw(page.caller, id, participantId);
    seeOther(response, `/admin/cohorts/${id}?notice=withdrawn#enrollments`);
  }

  @Post(':id/assignments')
  async assign(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const t = cohortTexts(page.locale);
    const values = typedFields(body, ['mentorId', 'participantId']);
    const mentorId = idOf(values.mentorId);
    const { value, errors = {} } = await readForm(
      CreateMentorAssignmentDto,
      { cohortId: id, ...withNumbers({ participantId: values.participantId }, ['participantId']) },
      page.locale,
    );
    if (mentorId === null) {
      errors.mentorId = [commonTexts(page.locale).notInList];
    }
    const refuse = (state: { errors?: FieldErrors; problems?: string[] }, status: number) =>
      this.render(
        page,
        id,
        { ...FIRST_VIEW, mentorId },
        { ...NO_FORMS, assignment: { values, ...state } },
        status,
        response,
      );
    if (!value || mentorId === null) {
      return refuse({ errors }, 400);
    }
    try {
      await this.assignments.assign(page.caller, mentorId, value);
    } catch (error) {
      const { form } = problemsOf(error, []);
      const twice = form.some((problem) => /already assigned/.test(problem));
      return refuse({ problems: [twice ? t.alreadyAssigned : t.notActive] }, 409);
    }
    seeOther(
      response,
      hrefOf(`/admin/cohorts/${id}`, { mentor: mentorId, notice: 'assigned' }, 'mentors'),
    );
  }

  @Post(':id/assignments/:assignmentId/remove')
  async unassign(
    @Page() page: PageContext,
    @PageIdParam() id: number,
    @PageIdParam('assignmentId') assignmentId: number,
    @FormBody() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const mentorId = idOf(typedFields(body, ['mentorId']).mentorId);
    if (mentorId === null) {
      throw new BadRequestException(['mentorId must be a positive integer']);
    }
    await this.assignments.remove(page.caller, mentorId, assignmentId);
    seeOther(
      response,
      hrefOf(`/admin/cohorts/${id}`, { mentor: mentorId, notice: 'unassigned' }, 'mentors'),
    );
  }

  private refuseStage(
    page: PageContext,
    id: number,
    values: Typed,
    errors: FieldErrors,
    problems: string[],
    status: number,
    response: Response,
  ): Promise<void> {
    const t = cohortTexts(page.locale);
    reword(errors, values, 'timeZone', t.chooseTimeZone);
    reword(errors, values, 'startDate', t.needDate);
    const datesValid = isValidLocalDate(values.startDate) && isValidLocalDate(values.endDate);
    reword(errors, values, 'endDate', datesValid ? t.endBeforeStart : t.needDate);
    const forms = { ...NO_FORMS, stage: { values, errors, problems } };
    return this.render(page, id, FIRST_VIEW, forms, status, response);
  }

  /** The enroll box's search, checked like the API's `?search=`. */
  private async search(page: PageContext, text: string): Promise<ParticipantSearch> {
    if (text.trim() === '') {
      return { text, found: null };
    }
    const { value, errors } = await readForm(ListParticipantsQuery, { search: text }, page.locale);
    if (errors) {
      return { text, errors: { find: errors.search ?? Object.values(errors)[0] }, found: null };
    }
    const found = await this.participants.list(page.caller, {
      search: value.search,
      limit: FOUND_AT_MOST,
      offset: 0,
    });
    return { text, found };
  }

  private async render(
    page: PageContext,
    id: number,
    view: CohortView,
    forms: CohortForms,
    status: number,
    response: Response,
    notice?: unknown,
  ): Promise<void> {
    const caller = page.caller;
    const cohort = await this.cohorts.get(caller, id);
    const chosenMentor = view.mentorId;
    const [program, stages, enrollments, search, mentors, active, chosen] = await Promise.all([
      this.programs.get(caller, cohort.programId),
      this.stages.listForCohort(caller, id, { limit: ROWS_PER_PAGE, offset: view.stagesOffset }),
      this.enrollments.list(caller, id, { limit: ROWS_PER_PAGE, offset: view.enrollmentsOffset }),
      this.search(page, view.find),
      this.mentors.list(caller, { limit: MAX_PAGE_SIZE, offset: 0 }),
      this.enrollments.list(caller, id, { status: 'active', limit: MAX_PAGE_SIZE, offset: 0 }),
      chosenMentor === null
        ? null
        : Promise.all([
            this.mentors.get(caller, chosenMentor),
            this.assignments.list(caller, chosenMentor, {
              cohortId: id,
              limit: ROWS_PER_PAGE,
              offset: view.menteesOffset,
            }),
          ])
            .then(([mentor, mentees]) => ({ mentor, mentees }))
            // A link to a mentor since removed still opens the cohort, with nobody chosen.
            .catch((error: unknown) => {
              if (error instanceof NotFoundException) return null;
              throw error;
            }),
    ]);
    const data: CohortPageData = {
      program,
      cohort,
      stages,
      enrollments,
      search,
      mentors: mentors.items,
      active: active.items,
      chosen,
      now: this.clock.now(),
    };
    const parameters = {
      stagesOffset: view.stagesOffset || undefined,
      enrollmentsOffset: view.enrollmentsOffset || undefined,
      menteesOffset: view.menteesOffset || undefined,
      find: view.find,
      mentor: view.mentorId,
    };
    const path = `/admin/cohorts/${id}`;
    const links = {
      stagesAt: (offset: number) => hrefOf(path, { ...parameters, stagesOffset: offset }, 'stages'),
      enrollmentsAt: (offset: number) =>
        hrefOf(path, { ...parameters, enrollmentsOffset: offset }, 'enrollments'),
      menteesAt: (offset: number) =>
        hrefOf(path, { ...parameters, menteesOffset: offset }, 'mentees'),
    };
    if (forms.stage.values.sequence === undefined) {
      forms = { ...forms, stage: { values: { sequence: String(stages.total + 1) } } };
    }
    sendPage(
      response,
      <CohortPage
        page={page}
        data={data}
        forms={forms}
        links={links}
        notice={noticeOf(notice, cohortTexts(page.locale), NOTICES)}
      />,
      status,
    );
  }
}
