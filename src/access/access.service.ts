import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../auth/actor';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { MentorAssignment } from '../mentors/mentor-assignment.entity';
import { Stage } from '../stages/stage.entity';

/** Ids an actor may see; `ALL` for organizers, who see everything. */
export type Visible = number[] | typeof ALL;
export const ALL = 'all' as const;

/**
 * Who sees what (DESIGN.md, roles):
 * - an organizer sees everything;
 * - a host sees the stages it hosts, their cohorts and programs, and the participants enrolled
 *   in those cohorts (without contacts);
 * - a mentor sees its mentees (without contacts), their cohorts, programs, stages and sessions;
 * - a participant sees itself, its cohorts, their programs, stages and sessions, its mentors.
 * Services narrow their queries with these sets; what an actor cannot see answers 404.
 */
@Injectable()
export class AccessService {
  /** Keyed by the actor object, which lives as long as its request. */
  private readonly cohortIdsOfRequest = new WeakMap<Actor, Promise<Visible>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Asked several times while serving one request (programs ask for cohorts): read once. */
  cohortIds(actor: Actor): Promise<Visible> {
    let cohortIds = this.cohortIdsOfRequest.get(actor);
    if (!cohortIds) {
      cohortIds = this.readCohortIds(actor);
      this.cohortIdsOfRequest.set(actor, cohortIds);
    }
    return cohortIds;
  }

  private async readCohortIds(actor: Actor): Promise<Visible> {
    switch (actor.role) {
      case 'organizer':
        return ALL;
      case 'host':
        return this.ids(
          this.dataSource
            .getRepository(Stage)
            .createQueryBuilder('stage')
            .innerJoin('stage.hosts', 'host', 'host.id = :accountId', {
              accountId: actor.accountId,
            })
            .select('DISTINCT stage.cohortId', 'id'),
        );
      case 'mentor':
        return this.ids(this.menteeEnrollments(actor).select('DISTINCT enrollment.cohortId', 'id'));
      case 'participant':
        return this.ids(
          this.dataSource
            .getRepository(Enrollment)
            .createQueryBuilder('enrollment')
            .where('enrollment.participantId = :participantId', {
              participantId: actor.participantId,
            })
            .select('DISTINCT enrollment.cohortId', 'id'),
        );
    }
  }

  async programIds(actor: Actor): Promise<Visible> {
    const cohortIds = await this.cohortIds(actor);
    if (cohortIds === ALL) {
      return ALL;
    }
    return this.ids(
      this.restrict(
        this.dataSource.getRepository(Cohort).createQueryBuilder('cohort'),
        'cohort.id',
        cohortIds,
      ).select('DISTINCT cohort.programId', 'id'),
    );
  }

  /** A host sees only the stages it hosts; mentors and participants all stages of their cohorts. */
  async stageIds(actor: Actor): Promise<Visible> {
    if (actor.role === 'host') {
      return this.hostedStageIds(actor);
    }
    const cohortIds = await this.cohortIds(actor);
    if (cohortIds === ALL) {
      return ALL;
    }
    return this.ids(
      this.restrict(
        this.dataSource.getRepository(Stage).createQueryBuilder('stage'),
        'stage.cohortId',
        cohortIds,
      ).select('stage.id', 'id'),
    );
  }

  async participantIds(actor: Actor): Promise<Visible> {
    switch (actor.role) {
      case 'organizer':
        return ALL;
      case 'participant':
        return actor.participantId ? [actor.participantId] : [];
      case 'mentor':
        return this.ids(
          this.menteeEnrollments(actor).select('DISTINCT enrollment.participantId', 'id'),
        );
      case 'host': {
        const cohortIds = await this.cohortIds(actor);
        return this.ids(
          this.restrict(
            this.dataSource.getRepository(Enrollment).createQueryBuilder('enrollment'),
            'enrollment.cohortId',
            cohortIds,
          ).select('DISTINCT enrollment.participantId', 'id'),
        );
      }
    }
  }

  async mentorIds(actor: Actor): Promise<Visible> {
    switch (actor.role) {
      case 'organizer':
        return ALL;
      case 'mentor':
        return actor.mentorId ? [actor.mentorId] : [];
      case 'participant':
        return this.ids(
          this.dataSource
            .getRepository(MentorAssignment)
            .createQueryBuilder('assignment')
            .innerJoin('assignment.enrollment', 'enrollment')
            .where('enrollment.participantId = :participantId', {
              participantId: actor.participantId,
            })
            .select('DISTINCT assignment.mentorId', 'id'),
        );
      case 'host':
        return [];
    }
  }

  async hostedStageIds(actor: Actor): Promise<number[]> {
    return this.ids(
      this.dataSource
        .createQueryBuilder()
        .from('stage_hosts', 'stage_host')
        .where('stage_host.accountId = :accountId', { accountId: actor.accountId })
        .select('stage_host.stageId', 'id'),
    );
  }

  /** Email and phone of a participant: for organizers and the participant itself. */
  seesParticipantContacts(actor: Actor, participantId: number): boolean {
    return actor.role === 'organizer' || actor.participantId === participantId;
  }

  /** Email and phone of a mentor: for organizers and the mentor itself. */
  seesMentorContacts(actor: Actor, mentorId: number): boolean {
    return actor.role === 'organizer' || actor.mentorId === mentorId;
  }

  /** 404, as if it did not exist, when the actor may not see it. */
  assertVisible(visible: Visible, id: number, what: string): void {
    if (visible !== ALL && !visible.includes(id)) {
      throw new NotFoundException(`${what} ${id} not found`);
    }
  }

  /** Narrows a query to the visible ids of `column`; none visible: no rows. */
  restrict<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    column: string,
    visible: Visible,
  ): SelectQueryBuilder<T> {
    if (visible === ALL) {
      return query;
    }
    const parameter = `visible_${column.replace(/\W/g, '_')}`;
    return query.andWhere(
      new Brackets((where) =>
        visible.length === 0
          ? where.where('1 = 0')
          : where.where(`${column} IN (:...${parameter})`, { [parameter]: visible }),
      ),
    );
  }

  private menteeEnrollments(actor: Actor): SelectQueryBuilder<Enrollment> {
    return this.dataSource
      .getRepository(Enrollment)
      .createQueryBuilder('enrollment')
      .innerJoin(MentorAssignment, 'assignment', 'assignment.enrollmentId = enrollment.id')
      .where('assignment.mentorId = :mentorId', { mentorId: actor.mentorId });
  }

  private async ids(query: SelectQueryBuilder<ObjectLiteral>): Promise<number[]> {
    const rows = await query.getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }
}
