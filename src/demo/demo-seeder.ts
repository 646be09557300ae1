import { BadRequestException, INestApplicationContext, Logger, Type } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AttendanceRecord } from '../attendance/attendance-record.entity';
import { AttendanceService } from '../attendance/attendance.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import { CreateCohortDto } from '../cohorts/cohort.dto';
import { Cohort } from '../cohorts/cohort.entity';
import { CohortsService } from '../cohorts/cohorts.service';
import { RequestValidationPipe } from '../common/http/request-validation.pipe';
import { Clock } from '../common/time/clock';
import { toLocalDate } from '../common/time/time';
import { normalizeEmail } from '../common/validation/email';
import { CreateEnrollmentDto } from '../enrollments/enrollment.dto';
import { Enrollment } from '../enrollments/enrollment.entity';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { CreateMentorAssignmentDto } from '../mentors/mentor-assignment.dto';
import { MentorAssignment } from '../mentors/mentor-assignment.entity';
import { MentorAssignmentsService } from '../mentors/mentor-assignments.service';
import { CreateMentorDto } from '../mentors/mentor.dto';
import { Mentor } from '../mentors/mentor.entity';
import { MentorsService } from '../mentors/mentors.service';
import { CreateParticipantDto } from '../participants/participant.dto';
import { Participant } from '../participants/participant.entity';
import { ParticipantsService } from '../participants/participants.service';
import { CreateProgramDto } from '../programs/program.dto';
import { Program } from '../programs/program.entity';
import { ProgramsService } from '../programs/programs.service';
import { CreateSessionDto } from '../sessions/session.dto';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { AgendasService } from '../agendas/agendas.service';
import { CreateStageDto } from '../stages/stage.dto';
import { Stage } from '../stages/stage.entity';
import { StagesService } from '../stages/stages.service';
import { DEMO_SCENARIOS, DemoScenario, DemoSession, DemoStage } from './demo-data';

export const DEMO_KINDS = [
  'programs',
  'cohorts',
  'stages',
  'sessions',
  'participants',
  'mentors',
  'enrollments',
  'assignments',
] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];
export type DemoCounts = Record<DemoKind, number>;

export interface DemoScenarioSummary {
  scenario: string;
  programId: number;
  /** What this run created. */
  created: DemoCounts;
  /** What was already there and was left as it is. */
  existing: DemoCounts;
}

export interface DemoSummary {
  scenarios: DemoScenarioSummary[];
  created: DemoCounts;
  existing: DemoCounts;
}

/** Loads the demo data into a booted application; running it again creates nothing new. */
export function seedDemo(
  app: INestApplicationContext,
  scenarios: readonly DemoScenario[] = DEMO_SCENARIOS,
): Promise<DemoSummary> {
  return new DemoSeeder(app).seed(scenarios);
}

function noCounts(): DemoCounts {
  return Object.fromEntries(DEMO_KINDS.map((kind) => [kind, 0])) as DemoCounts;
}

function describeCounts(counts: DemoCounts): string {
  return DEMO_KINDS.map((kind) => `${kind} ${counts[kind]}`).join(', ');
}

/** `YYYY-MM-DD` plus whole days, on the calendar (no zone, no daylight saving). */
function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/**
 * Creates everything through the feature services, so the demo data passes the same validation
 * and rules as a request to the API. Each item is first looked up by its natural key (program
 * by title, cohort by program and title, stage by cohort and sequence, session by stage and
 * title, people by email, enrollment and assignment by their pair) and left alone if present.
 */
export class DemoSeeder {
  private readonly logger = new Logger('DemoData');
  // The global pipe of the HTTP API: same whitelist and transformations.
  private readonly validation = new RequestValidationPipe();
  private readonly dataSource: DataSource;
  private readonly clock: Clock;
  private readonly programs: ProgramsService;
  private readonly cohorts: CohortsService;
  private readonly stages: StagesService;
  private readonly sessions: SessionsService;
  private readonly agendas: AgendasService;
  private readonly participants: ParticipantsService;
  private readonly enrollments: EnrollmentsService;
  private readonly mentors: MentorsService;
  private readonly assignments: MentorAssignmentsService;
  private readonly attendance: AttendanceService;

  constructor(app: INestApplicationContext) {
    this.dataSource = app.get(DataSource);
    this.clock = app.get(Clock);
    this.programs = app.get(ProgramsService);
    this.cohorts = app.get(CohortsService);
    this.stages = app.get(StagesService);
    this.sessions = app.get(SessionsService);
    this.agendas = app.get(AgendasService);
    this.participants = app.get(ParticipantsService);
    this.enrollments = app.get(EnrollmentsService);
    this.mentors = app.get(MentorsService);
    this.assignments = app.get(MentorAssignmentsService);
    this.attendance = app.get(AttendanceService);
  }

  async seed(scenarios: readonly DemoScenario[]): Promise<DemoSummary> {
    // One instant for the whole run, so that every stage is placed against the same "today".
    const now = this.clock.now();
    const summary: DemoSummary = { scenarios: [], created: noCounts(), existing: noCounts() };
    for (const scenario of scenarios) {
      const result = await new ScenarioRun(this, scenario, now).run();
      summary.scenarios.push(result);
      for (const kind of DEMO_KINDS) {
        summary.created[kind] += result.created[kind];
        summary.existing[kind] += result.existing[kind];
      }
      this.logger.log(
        `${scenario.name} (program ${result.programId}): created ${describeCounts(result.created)}; ` +
          `already there ${describeCounts(result.existing)}`,
      );
    }
    return summary;
  }

  findProgram(title: string) {
    return this.dataSource
      .getRepository(Program)
      .findOne({ where: { title }, order: { id: 'ASC' } });
  }

  findCohort(programId: number, title: string) {
    return this.dataSource.getRepository(Cohort).findOneBy({ programId, title });
  }

  findStage(cohortId: number, sequence: number) {
    return this.dataSource.getRepository(Stage).findOneBy({ cohortId, sequence });
  }

  findSession(stageId: number, title: string) {
    return this.dataSource
      .getRepository(Session)
      .findOne({ where: { stageId, title }, order: { id: 'ASC' } });
  }

  findParticipant(email: string) {
    return this.dataSource.getRepository(Participant).findOneBy({ email: normalizeEmail(email) });
  }

  findMentor(email: string) {
    return this.dataSource.getRepository(Mentor).findOneBy({ email: normalizeEmail(email) });
  }

  findEnrollment(cohortId: number, participantId: number) {
    return this.dataSource.getRepository(Enrollment).findOneBy({ cohortId, participantId });
  }

  findAssignment(mentorId: number, enrollmentId: number) {
    return this.dataSource.getRepository(MentorAssignment).findOneBy({ mentorId, enrollmentId });
  }

  createProgram(dto: CreateProgramDto) {
    return this.programs.create(SYSTEM_ACTOR, dto);
  }

  createCohort(programId: number, dto: CreateCohortDto) {
    return this.cohorts.create(SYSTEM_ACTOR, programId, dto);
  }

  createStage(cohortId: number, dto: CreateStageDto) {
    return this.stages.create(SYSTEM_ACTOR, cohortId, dto);
  }

  createSession(stageId: number, dto: CreateSessionDto) {
    return this.sessions.create(SYSTEM_ACTOR, stageId, dto);
  }

  /**
   * Marks the attendance of a session that has ended, once: mostly present, some late, excused
   * or absent, the same on every run. A session with records is left as it is.
   */
  async markEndedSession(
    session: { id: number; endsAt: Date | string; isMandatory: boolean },
    participantIds: number[],
    now: Date,
  ): Promise<void> {
    if (participantIds.length === 0 || new Date(session.endsAt) > now) {
      return;
    }
    const marked = await this.dataSource
      .getRepository(AttendanceRecord)
      .existsBy({ sessionId: session.id });
    if (marked) {
      return;
    }
    const statusOf = (index: number) =>
      (['late', 'present', 'present', 'excused', 'present', 'present', 'absent'] as const)[
        (index + session.id) % 7
      ];
    await this.attendance.mark(SYSTEM_ACTOR, session.id, {
      marks: participantIds.map((participantId, index) => ({
        participantId,
        status: session.isMandatory ? statusOf(index) : 'present',
      })),
    });
  }

  /** Publishes the stage's agenda unless the latest version already shows it. */
  async publishAgenda(stageId: number): Promise<void> {
    await this.agendas.publish(SYSTEM_ACTOR, stageId, { unlessUnchanged: true });
  }

  createParticipant(dto: CreateParticipantDto) {
    return this.participants.create(SYSTEM_ACTOR, dto);
  }

  createMentor(dto: CreateMentorDto) {
    return this.mentors.create(SYSTEM_ACTOR, dto);
  }

  enroll(cohortId: number, dto: CreateEnrollmentDto) {
    return this.enrollments.enroll(SYSTEM_ACTOR, cohortId, dto);
  }

  assign(mentorId: number, dto: CreateMentorAssignmentDto) {
    return this.assignments.assign(SYSTEM_ACTOR, mentorId, dto);
  }

  warn(message: string): void {
    this.logger.warn(message);
  }

  /** Validates and transforms a body as the API would; a bad demo item names its problems. */
  async valid<T extends object>(metatype: Type<T>, body: object, what: string): Promise<T> {
    try {
      return (await this.validation.transform(body, { type: 'body', metatype })) as T;
    } catch (error) {
      if (error instanceof BadRequestException) {
        const { message } = error.getResponse() as { message: string | string[] };
        throw new Error(`Demo ${what} is invalid: ${[message].flat().join('; ')}`);
      }
      throw error;
    }
  }
}

/** One scenario: its program, cohort, people, stages and sessions, in dependency order. */
class ScenarioRun {
  private readonly created = noCounts();
  private readonly existing = noCounts();
  private readonly mentorIds = new Map<string, number>();

  constructor(
    private readonly seeder: DemoSeeder,
    private readonly scenario: DemoScenario,
    private readonly now: Date,
  ) {}

  async run(): Promise<DemoScenarioSummary> {
    const { seeder, scenario } = this;
    const program = await this.ensure(
      'programs',
      () => seeder.findProgram(scenario.program.title),
      async () =>
        seeder.createProgram(
          await seeder.valid(
            CreateProgramDto,
            scenario.program,
            `program "${scenario.program.title}"`,
          ),
        ),
    );
    const cohort = await this.ensure(
      'cohorts',
      () => seeder.findCohort(program.id, scenario.cohort.title),
      async () =>
        seeder.createCohort(
          program.id,
          await seeder.valid(CreateCohortDto, scenario.cohort, `cohort "${scenario.cohort.title}"`),
        ),
    );

    for (const mentor of scenario.mentors) {
      const { id } = await this.ensure(
        'mentors',
        () => seeder.findMentor(mentor.email),
        async () =>
          seeder.createMentor(
            await seeder.valid(CreateMentorDto, mentor, `mentor ${mentor.email}`),
          ),
      );
      this.mentorIds.set(normalizeEmail(mentor.email), id);
    }

    const enrollmentIds = new Map<string, { participantId: number; enrollment: Enrollment }>();
    for (const person of scenario.participants) {
      const participant = await this.ensure(
        'participants',
        () => seeder.findParticipant(person.email),
        async () =>
          seeder.createParticipant(
            await seeder.valid(CreateParticipantDto, person, `participant ${person.email}`),
          ),
      );
      await this.ensure(
        'enrollments',
        () => seeder.findEnrollment(cohort.id, participant.id),
        async () =>
          seeder.enroll(
            cohort.id,
            await seeder.valid(
              CreateEnrollmentDto,
              { participantId: participant.id },
              `enrollment of ${person.email}`,
            ),
          ),
      );
      const enrollment = await seeder.findEnrollment(cohort.id, participant.id);
      enrollmentIds.set(normalizeEmail(person.email), {
        participantId: participant.id,
        enrollment: enrollment!,
      });
    }

    for (const { mentor, participants } of scenario.assignments) {
      const mentorId = this.mentorId(mentor);
      for (const email of participants) {
        const enrolled = enrollmentIds.get(normalizeEmail(email));
        if (!enrolled) {
          throw new Error(
            `Demo assignment of ${mentor}: ${email} is not a participant of the scenario`,
          );
        }
        await this.assign(mentorId, cohort.id, email, enrolled);
      }
    }

    const activeParticipants = [...enrollmentIds.values()]
      .filter(({ enrollment }) => enrollment.status === 'active')
      .map(({ participantId }) => participantId);
    for (const stage of scenario.stages) {
      await this.seedStage(cohort.id, stage, activeParticipants);
    }
    return {
      scenario: scenario.name,
      programId: program.id,
      created: this.created,
      existing: this.existing,
    };
  }

  private async assign(
    mentorId: number,
    cohortId: number,
    email: string,
    { participantId, enrollment }: { participantId: number; enrollment: Enrollment },
  ): Promise<void> {
    const { seeder } = this;
    if (await seeder.findAssignment(mentorId, enrollment.id)) {
      this.existing.assignments++;
      return;
    }
    if (enrollment.status !== 'active') {
      // Someone withdrew the demo participant: respect that rather than fail the whole run.
      seeder.warn(
        `Mentor ${mentorId} not assigned to ${email}: enrollment is ${enrollment.status}`,
      );
      return;
    }
    await seeder.assign(
      mentorId,
      await seeder.valid(
        CreateMentorAssignmentDto,
        { cohortId, participantId },
        `assignment of ${email}`,
      ),
    );
    this.created.assignments++;
  }

  private async seedStage(
    cohortId: number,
    spec: DemoStage,
    participantIds: number[],
  ): Promise<void> {
    const { seeder } = this;
    const { startsInDays, days, sessions, ...fields } = spec;
    const startDate = addDays(toLocalDate(this.now, spec.timeZone), startsInDays);
    const stage = await this.ensure(
      'stages',
      () => seeder.findStage(cohortId, spec.sequence),
      async () =>
        seeder.createStage(
          cohortId,
          await seeder.valid(
            CreateStageDto,
            { ...fields, startDate, endDate: addDays(startDate, days - 1) },
            `stage "${spec.title}"`,
          ),
        ),
    );
    // Sessions are placed on the stored stage's days: a stage kept from an earlier run keeps
    // its dates, and a session added to it later still falls inside them.
    for (const session of sessions) {
      const stored = await this.ensure(
        'sessions',
        () => seeder.findSession(stage.id, session.title),
        async () =>
          seeder.createSession(
            stage.id,
            await seeder.valid(
              CreateSessionDto,
              this.sessionBody(stage.startDate, session),
              `session "${session.title}"`,
            ),
          ),
      );
      await seeder.markEndedSession(stored, participantIds, this.now);
    }
    await seeder.publishAgenda(stage.id);
  }

  private sessionBody(stageStartDate: string, spec: DemoSession): object {
    const { day, from, to, ledBy, ...fields } = spec;
    const date = addDays(stageStartDate, day);
    return {
      ...fields,
      startsAt: `${date}T${from}`,
      endsAt: `${date}T${to}`,
      ...(ledBy ? { mentorIds: ledBy.map((email) => this.mentorId(email)) } : {}),
    };
  }

  private mentorId(email: string): number {
    const id = this.mentorIds.get(normalizeEmail(email));
    if (id === undefined) {
      throw new Error(`Demo scenario "${this.scenario.name}" has no mentor ${email}`);
    }
    return id;
  }

  /** The item found by its natural key, or the one created now; either way it is counted. */
  private async ensure<Found extends { id: number }, Created extends { id: number }>(
    kind: DemoKind,
    find: () => Promise<Found | null>,
    create: () => Promise<Created>,
  ): Promise<Found | Created> {
    const found = await find();
    if (found) {
      this.existing[kind]++;
      return found;
    }
    this.created[kind]++;
    return create();
  }
}
