import {
  ConflictException,
  Get,
  HttpException,
  NotFoundException,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { fromHtmx } from '../shared/htmx';
import { Request, Response } from 'express';
import { AgendasService } from '../../agendas/agendas.service';
import { PageIdParam } from '../shared/page-id-param';
import { Conflict } from '../../sessions/conflicts';
import { SessionResponse } from '../../sessions/session.dto';
import { SessionsService } from '../../sessions/sessions.service';
import { StageResponse } from '../../stages/stage.dto';
import { StagesService } from '../../stages/stages.service';
import { problemsOf } from '../shared/forms';
import { FormBody, Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { seeOther } from '../shared/redirects';
import { sendFragment, sendPage } from '../shared/render';
import {
  checkSessionValues,
  mergeEdit,
  SessionFormValues,
  readSessionForm,
  sessionProblems,
  shownValues,
  valuesOfNewSession,
  valuesOfSession,
} from './session-form';
import {
  AddForm,
  ConflictFlags,
  ConflictSummary,
  EditSessionPage,
  EditingRow,
  Pager,
  PendingChanges,
  SessionRow,
  StageListPage,
  StagePage,
  VersionPage,
  conflictsBySession,
  sessionAnchor,
} from './stage.views';
import { stageTexts } from './stages.messages';

const STAGES_PER_PAGE = 20;
const SESSIONS_PER_PAGE = 100;
const CHANGES_PER_PAGE = 50;
const VERSIONS_PER_PAGE = 5;
/** Every overlap of a stage: the page flags each beside its sessions. */
const ALL = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

type Form = Record<string, unknown>;

/** `?name=value` links of one list's pages, keeping the page's other parameters. */
function pagerOf(
  path: string,
  query: Record<string, number>,
  name: string,
  perPage: number,
  total: number,
  anchor: string,
): Pager {
  const offset = query[name] ?? 0;
  const link = (to: number) => {
    const parameters = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, [name]: to })) {
      if (value > 0) parameters.set(key, String(value));
    }
    const search = parameters.toString();
    return `${path}${search ? `?${search}` : ''}#${anchor}`;
  };
  return {
    earlier: offset > 0 ? link(Math.max(0, offset - perPage)) : null,
    later: offset + perPage < total ? link(offset + perPage) : null,
  };
}

/** Why a save is refused: its status, each field's problems, the form's, what to show as seen. */
interface Refusal {
  status: number;
  errors: Record<string, string[]>;
  problems?: string[];
  shown?: SessionFormValues;
}

/** A refusal found while the edit was merged with the session as it is now. */
class EditRefused extends Error implements Refusal {
  constructor(
    readonly status: number,
    readonly errors: Record<string, string[]>,
    readonly problems: string[] = [],
    readonly shown?: SessionFormValues,
  ) {
    super('The edit was refused while it was merged');
  }
}

/**
 * The host's stage pages: the stages it hosts, and each one's agenda being edited, its
 * overlaps, the changes the next publish releases, and its published versions. Every read and
 * write goes through the API's services with the signed-in caller, so a host reaches only the
 * stages it hosts (another is "not found").
 */
@PageController('stages')
@PageRoles('host', 'organizer')
export class StagePagesController {
  constructor(
    private readonly stages: StagesService,
    private readonly sessions: SessionsService,
    private readonly agendas: AgendasService,
  ) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query('offset') offsetParameter: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const offset = pageOffset(offsetParameter);
    const stages = await this.stages.listEditable(page.caller, {
      limit: STAGES_PER_PAGE,
      offset,
    });
    const pager = pagerOf('/stages', { offset }, 'offset', STAGES_PER_PAGE, stages.total, 'main');
    sendPage(response, <StageListPage page={page} stages={stages} pager={pager} />);
  }

  @Get(':id')
  async show(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const t = stageTexts(page.locale);
    const notice =
      query.published !== undefined && pageOffset(query.published) > 0
        ? t.published(pageOffset(query.published))
        : query.saved === '1'
          ? t.saved
          : query.added === '1'
            ? t.added
            : undefined;
    await this.sendStagePage(page, stageId, query, response, { notice });
  }

  @Post(':id/sessions')
  async create(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @FormBody() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const stage = await this.stages.get(page.caller, stageId);
    const { values, result } = await readSessionForm(form, page.locale);
    const refuse = (status: number, addForm: AddForm) =>
      this.sendStagePage(page, stageId, {}, response, { addForm, status });
    if (result.errors) {
      return refuse(400, { values, errors: result.errors });
    }
    let created: SessionResponse;
    try {
      created = await this.sessions.create(page.caller, stage.id, result.value);
    } catch (error) {
      const problems = sessionProblems(error, stage, page.locale);
      return refuse(error instanceof ConflictException ? 409 : 400, {
        values,
        errors: problems.fields,
        problems: problems.form,
      });
    }
    seeOther(response, `/stages/${stage.id}?added=1#${sessionAnchor(created.id)}`);
  }

  @Get(':id/sessions/:sessionId/edit')
  async edit(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @PageIdParam('sessionId') sessionId: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { stage, session } = await this.sessionOfStage(page, stageId, sessionId);
    const values = valuesOfSession(session);
    response.setHeader('Vary', 'HX-Request');
    if (fromHtmx(request)) {
      return sendFragment(
        response,
        <EditingRow
          page={page}
          stage={stage}
          sessionId={session.id}
          values={values}
          shown={values}
        />,
      );
    }
    sendPage(
      response,
      <EditSessionPage
        page={page}
        stage={stage}
        sessionId={session.id}
        values={values}
        shown={values}
      />,
    );
  }

  /** The row of a session again, when its inline form is cancelled. */
  @Get(':id/sessions/:sessionId/row')
  async row(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @PageIdParam('sessionId') sessionId: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { stage, session } = await this.sessionOfStage(page, stageId, sessionId);
    response.setHeader('Vary', 'HX-Request');
    if (!fromHtmx(request)) {
      return seeOther(response, `/stages/${stage.id}#${sessionAnchor(session.id)}`);
    }
    const conflicts = await this.conflictsOf(page, stage.id);
    sendFragment(
      response,
      <SessionRow
        session={session}
        stage={stage}
        conflicts={conflictsBySession(conflicts).get(session.id) ?? []}
        locale={page.locale}
        focused
      />,
    );
  }

  @Post(':id/sessions/:sessionId')
  async update(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @PageIdParam('sessionId') sessionId: number,
    @FormBody() form: Form,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { stage, session } = await this.sessionOfStage(page, stageId, sessionId);
    const htmx = fromHtmx(request);
    const typed = await readSessionForm(form, page.locale);
    const values = typed.values;
    const shownBefore = shownValues(form) ?? valuesOfSession(session);
    // htmx swaps only successful answers: its form comes back with its problems as a 200.
    const refuse = ({ status, errors, problems = [], shown = shownBefore }: Refusal) =>
      htmx
        ? sendFragment(
            response,
            <EditingRow
              page={page}
              stage={stage}
              sessionId={sessionId}
              values={values}
              shown={shown}
              errors={errors}
              problems={problems}
            />,
          )
        : sendPage(
            response,
            <EditSessionPage
              page={page}
              stage={stage}
              sessionId={sessionId}
              values={values}
              shown={shown}
              errors={errors}
              problems={problems}
            />,
            status,
          );
    if (typed.result.errors) {
      return refuse({ status: 400, errors: typed.result.errors });
    }
    const before = htmx ? await this.conflictsOf(page, stage.id) : [];
    let saved: SessionResponse;
    try {
      // Merged under the stage's lock with what others saved since this form was shown.
      saved = await this.sessions.update(page.caller, sessionId, async (current) => {
        const now = valuesOfSession(current);
        const { merged, conflicting } = mergeEdit(values, shownBefore, now);
        if (conflicting.length > 0) {
          const t = stageTexts(page.locale);
          throw new EditRefused(
            409,
            Object.fromEntries(
              conflicting.map((name) => [name, [t.changedMeanwhile(String(now[name]))]]),
            ),
            [t.editedMeanwhile],
            now,
          );
        }
        const result = await checkSessionValues(merged, page.locale);
        if (result.errors) {
          throw new EditRefused(400, result.errors);
        }
        return result.value;
      });
    } catch (error) {
      if (error instanceof EditRefused) {
        return refuse(error);
      }
      const problems = sessionProblems(error, stage, page.locale);
      return refuse({
        status: error instanceof ConflictException ? 409 : 400,
        errors: problems.fields,
        problems: problems.form,
      });
    }
    if (!htmx) {
      return seeOther(response, `/stages/${stage.id}?saved=1#${sessionAnchor(saved.id)}`);
    }
    await this.sendSavedRow(page, stage, saved, before, response);
  }

  @Get(':id/versions/:number')
  async version(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @PageIdParam('number') number: number,
    @Query('offset') offsetParameter: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const [stage, version] = await Promise.all([
      this.stages.get(page.caller, stageId),
      this.agendas.getVersion(page.caller, stageId, number),
    ]);
    const offset = pageOffset(offsetParameter);
    const path = `/stages/${stage.id}/versions/${version.number}`;
    sendPage(
      response,
      <VersionPage
        page={page}
        stage={stage}
        version={version}
        shown={version.changes.slice(offset, offset + CHANGES_PER_PAGE)}
        pager={pagerOf(
          path,
          { offset },
          'offset',
          CHANGES_PER_PAGE,
          version.changes.length,
          'main',
        )}
      />,
    );
  }

  @Post(':id/publish')
  async publish(
    @Page() page: PageContext,
    @PageIdParam() stageId: number,
    @Res() response: Response,
  ): Promise<void> {
    const t = stageTexts(page.locale);
    try {
      const version = await this.agendas.publish(page.caller, stageId);
      seeOther(response, `/stages/${stageId}?published=${version.number}#changes`);
    } catch (error) {
      const { form } = problemsOf(error, []);
      const refusal = (error as HttpException).getResponse() as { conflicts?: Conflict[] };
      const problem = refusal.conflicts
        ? t.trackClash
        : form.some((message) => message.includes('nothing to publish'))
          ? t.nothingToPublish
          : form.join(' ');
      await this.sendStagePage(page, stageId, {}, response, {
        publishProblems: [problem],
        status: (error as HttpException).getStatus(),
      });
    }
  }

  /**
   * The edited row, and what its change moves elsewhere on the page: the changes to publish,
   * the overlaps, and the flags of the sessions it now overlaps or no longer does.
   */
  private async sendSavedRow(
    page: PageContext,
    stage: StageResponse,
    saved: SessionResponse,
    before: Conflict[],
    response: Response,
  ): Promise<void> {
    // The changes and conflicts only: the row is the saved session.
    const draft = await this.agendas.draft(page.caller, stage.id, { limit: 0, offset: 0 });
    const after = draft.conflicts;
    const flags = conflictsBySession(after);
    const touched = new Set(
      [...before, ...after].flatMap((conflict) => conflict.sessions.map((session) => session.id)),
    );
    touched.delete(saved.id);
    const path = `/stages/${stage.id}`;
    sendFragment(
      response,
      <>
        <SessionRow
          session={saved}
          stage={stage}
          conflicts={flags.get(saved.id) ?? []}
          locale={page.locale}
          focused
        />
        <PendingChanges
          page={page}
          stage={stage}
          pending={draft}
          shown={draft.changes.slice(0, CHANGES_PER_PAGE)}
          pager={pagerOf(path, {}, 'changes', CHANGES_PER_PAGE, draft.changes.length, 'changes')}
          outOfBand
        />
        <ConflictSummary stage={stage} conflicts={after} locale={page.locale} outOfBand />
        {[...touched].map((id) => (
          <ConflictFlags
            key={id}
            sessionId={id}
            conflicts={flags.get(id) ?? []}
            stage={stage}
            locale={page.locale}
            outOfBand
          />
        ))}
      </>,
    );
  }

  private async sendStagePage(
    page: PageContext,
    stageId: number,
    query: Record<string, unknown>,
    response: Response,
    extra: {
      notice?: string;
      addForm?: AddForm;
      publishProblems?: string[];
      status?: number;
    },
  ): Promise<void> {
    const offsets = {
      offset: pageOffset(query.offset),
      changes: pageOffset(query.changes),
      versions: pageOffset(query.versions),
    };
    const [stage, draft, versions] = await Promise.all([
      this.stages.get(page.caller, stageId),
      this.agendas.draft(page.caller, stageId, {
        limit: SESSIONS_PER_PAGE,
        offset: offsets.offset,
      }),
      this.agendas.listVersions(page.caller, stageId, {
        limit: VERSIONS_PER_PAGE,
        offset: offsets.versions,
      }),
    ]);
    const { sessions } = draft;
    const path = `/stages/${stage.id}`;
    sendPage(
      response,
      <StagePage
        page={page}
        stage={stage}
        sessions={sessions}
        sessionPager={pagerOf(
          path,
          offsets,
          'offset',
          SESSIONS_PER_PAGE,
          sessions.total,
          'sessions',
        )}
        conflicts={draft.conflicts}
        pending={draft}
        shownChanges={draft.changes.slice(offsets.changes, offsets.changes + CHANGES_PER_PAGE)}
        changePager={pagerOf(
          path,
          offsets,
          'changes',
          CHANGES_PER_PAGE,
          draft.changes.length,
          'changes',
        )}
        versions={versions}
        versionPager={pagerOf(
          path,
          offsets,
          'versions',
          VERSIONS_PER_PAGE,
          versions.total,
          'versions',
        )}
        notice={extra.notice}
        publishProblems={extra.publishProblems}
        addForm={extra.addForm ?? { values: valuesOfNewSession(stage) }}
      />,
      extra.status,
    );
  }

  private async conflictsOf(page: PageContext, stageId: number): Promise<Conflict[]> {
    return (await this.sessions.stageConflicts(page.caller, stageId, ALL)).items;
  }

  /** The stage and one of its sessions, as the caller sees them; 404 for a session elsewhere. */
  private async sessionOfStage(
    page: PageContext,
    stageId: number,
    sessionId: number,
  ): Promise<{ stage: StageResponse; session: SessionResponse }> {
    const stage = await this.stages.get(page.caller, stageId);
    const session = await this.sessions.get(page.caller, sessionId);
    if (session.stageId !== stage.id) {
      throw new NotFoundException(`Session ${sessionId} not found`);
    }
    return { stage, session };
  }
}
