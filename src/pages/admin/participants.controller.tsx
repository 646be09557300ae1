import { Get, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { CreateParticipantDto, ListParticipantsQuery } from '../../participants/participant.dto';
import { ParticipantsService } from '../../participants/participants.service';
import { FieldErrors, problemsOf, readForm } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { seeOther } from '../shared/redirects';
import { sendPage } from '../shared/render';
import { FormState, reword, typedFields } from './admin-forms';
import { ROWS_PER_PAGE, noticeOf } from './admin-parts';
import { hrefOf } from '../shared/pager';
import { participantTexts } from './participants.messages';
import { PARTICIPANT_FIELDS, ParticipantsPage } from './participants.views';

const NOTICES = ['created'] as const;

/** Participants: found by the API's search, and added with the API's rules. */
@PageController('admin/participants')
@PageRoles('organizer')
export class ParticipantsPageController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const search = typeof query.search === 'string' ? query.search : '';
    await this.render(
      page,
      search,
      pageOffset(query.offset),
      { values: {} },
      200,
      response,
      query.notice,
    );
  }

  @Post()
  async create(
    @Page() page: PageContext,
    @FormBody() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const t = participantTexts(page.locale);
    const values = typedFields(body, PARTICIPANT_FIELDS);
    const { value, errors } = await readForm(CreateParticipantDto, values, page.locale);
    if (errors) {
      reword(errors, values, 'phone', t.phoneFormat);
      return this.render(page, '', 0, { values, errors }, 400, response);
    }
    let fullName: string;
    try {
      ({ fullName } = await this.participants.create(page.caller, value));
    } catch (error) {
      const problems = problemsOf(error, PARTICIPANT_FIELDS);
      const taken = problems.form.some((problem) => /already exists/.test(problem));
      const form: FormState = taken
        ? { values, errors: { email: [t.emailTaken] } }
        : { values, errors: problems.fields, problems: problems.form };
      return this.render(page, '', 0, form, taken ? 409 : 400, response);
    }
    seeOther(response, hrefOf('/admin/participants', { search: fullName, notice: 'created' }));
  }

  private async render(
    page: PageContext,
    search: string,
    offset: number,
    form: FormState,
    status: number,
    response: Response,
    notice?: unknown,
  ): Promise<void> {
    let searchErrors: FieldErrors | undefined;
    let text: string | undefined;
    if (search.trim() !== '') {
      const checked = await readForm(ListParticipantsQuery, { search }, page.locale);
      searchErrors = checked.errors;
      text = checked.value?.search;
    }
    const participants = await this.participants.list(page.caller, {
      search: text,
      limit: ROWS_PER_PAGE,
      offset,
    });
    sendPage(
      response,
      <ParticipantsPage
        page={page}
        search={search}
        searchErrors={searchErrors}
        participants={participants}
        form={form}
        notice={noticeOf(notice, participantTexts(page.locale), NOTICES)}
      />,
      status,
    );
  }
}
