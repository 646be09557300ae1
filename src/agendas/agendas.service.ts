import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { calendarFile } from '../calendar/calendar-file';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { nextChangeTime } from '../common/time/time';
import { UnitOfWork } from '../database/unit-of-work';
import { Conflict, findConflicts } from '../sessions/conflicts';
import { SessionsService } from '../sessions/sessions.service';
import { Stage } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import { AgendaSnapshot, agendaChanges, changedSessionIds } from './agenda-changes';
import {
  AgendaDraft,
  AgendaVersionResponse,
  AgendaVersionSummary,
  sessionOfSnapshot,
} from './agenda.dto';
import { AgendaVersion, StageSnapshot } from './agenda-version.entity';
import { AgendaChangeNotices } from '../notifications/agenda-change-notices';
import { publishedSessionEvent } from './published-session-event';
import { PublishedSessionsService } from './published-sessions.service';

/**
 * Publishing a stage's agenda: organizers and the stage's hosts edit sessions freely and
 * release them as numbered, immutable versions. Participants, mentors and the public see the
 * latest version only.
 */
@Injectable()
export class AgendasService {
  private readonly publicUrl: string;

  constructor(
    @InjectRepository(AgendaVersion) private readonly versions: Repository<AgendaVersion>,
    private readonly stages: StagesService,
    private readonly sessions: SessionsService,
    private readonly published: PublishedSessionsService,
    private readonly changeNotices: AgendaChangeNotices,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<string>('PUBLIC_URL');
  }

  /**
   * Releases the next version. Refused (409) when nothing changed since the last one, or when
   * two mandatory sessions of one track overlap (the list says which). Publishes of one stage
   * take the stage's lock, so two at once make one version.
   */
  async publish(caller: Caller, stageId: number): Promise<AgendaVersionResponse>;
  /** With `unlessUnchanged`, nothing changed is no error: the answer is null. */
  async publish(
    caller: Caller,
    stageId: number,
    options: { unlessUnchanged: true },
  ): Promise<AgendaVersionResponse | null>;
  async publish(
    caller: Caller,
    stageId: number,
    options: { unlessUnchanged?: boolean } = {},
  ): Promise<AgendaVersionResponse | null> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    return this.unit.run(async (manager) => {
      const stage = await this.stages.lockForSessions(manager, stageId);
      await this.access.assertSees(caller, 'stage', stageId, 'Stage');
      const latest = await this.latestIn(manager, stageId);
      const snapshot = releasedAfter(latest, await this.currentAgenda(manager, stage));
      const clashes = conflictsOf(snapshot).filter((conflict) => conflict.kind === 'track');
      if (clashes.length > 0) {
        throw new ConflictException({
          statusCode: 409,
          message:
            'Two mandatory sessions of one track overlap: the cohort cannot attend both. ' +
            'Move one, give it another track or make it optional, then publish',
          error: 'Conflict',
          conflicts: clashes,
        });
      }
      const changes = agendaChanges(latest, snapshot);
      if (latest && changes.length === 0) {
        if (options.unlessUnchanged) {
          return null;
        }
        throw new ConflictException(
          `Nothing changed since version ${latest.number} of the agenda: there is nothing to publish`,
        );
      }
      const publishedAt = nextChangeTime(this.clock.now(), latest?.publishedAt);
      const version = await manager.save(
        manager.create(AgendaVersion, {
          stageId,
          number: (latest?.number ?? 0) + 1,
          publishedAt,
          publishedBy: caller.accountId || null,
          ...snapshot,
          changes,
        }),
      );
      const former = await this.published.ofStage(stageId, manager);
      await this.published.replace(
        manager,
        snapshot.stage,
        version.number,
        publishedAt,
        snapshot.sessions,
        changedSessionIds(changes),
      );
      const current = await this.published.ofStage(stageId, manager);
      await this.changeNotices.enqueue(
        manager,
        snapshot.stage,
        version.number,
        changes,
        former,
        current,
      );
      return AgendaVersionResponse.from(version);
    });
  }

  /**
   * The agenda being edited, for those who may publish it: a page of its sessions as they are
   * now, the conflicts among all of them, and what the next publish would release (the changes
   * against the latest version, computed as `publish` computes them), from one read of the
   * sessions.
   */
  async draft(caller: Caller, stageId: number, sessionsPage: PageQuery): Promise<AgendaDraft> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    const manager = this.unit.manager;
    const stage = await this.stages.findOrFail(stageId);
    const [latest, snapshot] = await Promise.all([
      this.latestIn(manager, stageId),
      this.currentAgenda(manager, stage),
    ]);
    const { offset, limit } = sessionsPage;
    return {
      basedOn: latest?.number ?? null,
      changes: agendaChanges(latest, releasedAfter(latest, snapshot)),
      sessions: {
        items: snapshot.sessions
          .slice(offset, offset + limit)
          .map((session) => sessionOfSnapshot(session, stage.id, stage.timeZone)),
        total: snapshot.sessions.length,
        limit,
        offset,
      },
      conflicts: conflictsOf(snapshot),
    };
  }

  /** The published versions, newest first: for organizers and the stage's hosts. */
  async listVersions(
    caller: Caller,
    stageId: number,
    query: PageQuery,
  ): Promise<Page<AgendaVersionSummary>> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    const [rows, total] = await this.versions.findAndCount({
      select: {
        id: true,
        stageId: true,
        number: true,
        publishedAt: true,
        publishedBy: true,
        changes: true,
      },
      where: { stageId },
      order: { number: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return {
      items: rows.map(AgendaVersionSummary.from),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async getVersion(
    caller: Caller,
    stageId: number,
    number: number,
  ): Promise<AgendaVersionResponse> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    const version = await this.versions.findOneBy({ stageId, number });
    if (!version) {
      throw new NotFoundException(`Stage ${stageId} has no agenda version ${number}`);
    }
    return AgendaVersionResponse.from(version);
  }

  /**
   * The latest published version: for anyone when the stage is public, else for those who see
   * the stage (404 to the others, as if it did not exist). Who published it is for staff only.
   */
  async latest(caller: Caller, stageId: number): Promise<AgendaVersionResponse> {
    const version = AgendaVersionResponse.from(await this.latestVersionOrFail(caller, stageId));
    const staff = caller.role === 'organizer' || caller.role === 'host';
    return staff ? version : { ...version, publishedBy: null };
  }

  /** The latest published version as a calendar file, and when it was published. */
  async latestAsCalendar(
    caller: Caller,
    stageId: number,
  ): Promise<{ calendar: string; publishedAt: Date }> {
    const version = await this.latestVersionOrFail(caller, stageId);
    const sessions = await this.published.ofStage(stageId);
    const calendar = calendarFile({
      name: `${version.stage.title} — ${version.stage.city}`,
      events: sessions.map((session) => publishedSessionEvent(session, this.publicUrl)),
    });
    return { calendar, publishedAt: version.publishedAt };
  }

  /** The stage and its sessions as they are now: what a publish would release. */
  private async currentAgenda(manager: EntityManager, stage: Stage): Promise<AgendaSnapshot> {
    return {
      stage: snapshotOf(stage),
      sessions: await this.sessions.snapshotOfStage(manager, stage.id),
    };
  }

  /** The latest version as the next one is compared with it: its own changes are not read. */
  private latestIn(manager: EntityManager, stageId: number): Promise<AgendaVersion | null> {
    return manager.findOne(AgendaVersion, {
      select: { id: true, number: true, publishedAt: true, stage: true, sessions: true },
      where: { stageId },
      order: { number: 'DESC' },
    });
  }

  private async latestVersionOrFail(caller: Caller, stageId: number): Promise<AgendaVersion> {
    const stage = await this.stages.findOrFail(stageId);
    if (!stage.isPublic) {
      await this.access.assertSees(caller, 'stage', stageId, 'Stage');
    }
    const version = await this.versions.findOne({
      where: { stageId },
      order: { number: 'DESC' },
    });
    if (!version) {
      throw new NotFoundException(`The agenda of stage ${stageId} is not published yet`);
    }
    return version;
  }
}

/**
 * What a publish after `latest` releases of the agenda as it is: a session cancelled before it
 * was ever published is left out (no one was told of it, so its cancellation is no one's news).
 */
function releasedAfter(latest: AgendaVersion | null, agenda: AgendaSnapshot): AgendaSnapshot {
  const published = new Set((latest?.sessions ?? []).map((session) => session.id));
  return {
    ...agenda,
    sessions: agenda.sessions.filter(
      (session) => session.status !== 'cancelled' || published.has(session.id),
    ),
  };
}

/** The conflicts among an agenda's sessions: what the conflicts route finds, on a snapshot. */
function conflictsOf({ stage, sessions }: AgendaSnapshot): Conflict[] {
  return findConflicts(
    sessions.map((session) => ({
      ...session,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
    })),
    stage.timeZone,
  );
}

function snapshotOf(stage: Stage): StageSnapshot {
  return {
    id: stage.id,
    title: stage.title,
    city: stage.city,
    region: stage.region,
    timeZone: stage.timeZone,
    venue: stage.venue,
    address: stage.address,
    startDate: stage.startDate,
    endDate: stage.endDate,
    hostOrganization: stage.hostOrganization,
  };
}
