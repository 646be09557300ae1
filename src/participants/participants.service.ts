import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { ALL, AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { foldForSearch, whereTextMatches } from '../common/search/fold-for-search';
import { UnitOfWork } from '../database/unit-of-work';
import { Enrollment } from '../enrollments/enrollment.entity';
import {
  CreateParticipantDto,
  ListParticipantsQuery,
  ParticipantResponse,
  UpdateParticipantDto,
} from './participant.dto';
import { Participant } from './participant.entity';

export const DEFAULT_PARTICIPANT_LOCALE = 'ru';

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  /** Writes are the organizer's (the routes' roles), who sees contacts: responses carry them. */
  async create(dto: CreateParticipantDto): Promise<ParticipantResponse> {
    const participant = this.participants.create({
      phone: null,
      locale: DEFAULT_PARTICIPANT_LOCALE,
      ...dto,
      email: normalizeEmail(dto.email),
    });
    const saved = await this.unit.run(async (manager) => {
      await this.ensureEmailFree(manager, participant.email);
      return this.save(manager, participant);
    });
    return ParticipantResponse.from(saved, { contacts: true });
  }

  /** Only the participants the actor sees; `total` counts only those. */
  async list(query: ListParticipantsQuery, actor: Actor): Promise<Page<ParticipantResponse>> {
    const visible = await this.access.participantIds(actor);
    const select = this.access.restrict(
      this.participants.createQueryBuilder('participant'),
      'participant.id',
      visible,
    );
    if (query.search) {
      whereTextMatches(
        select,
        'participant',
        query.search,
        visible === ALL
          ? ALL
          : visible.filter((id) => this.access.seesParticipantContacts(actor, id)),
      );
    }
    if (query.region !== undefined) {
      select.andWhere('participant.region = :region', { region: query.region });
    }
    if (query.cohortId !== undefined) {
      // Enrollment in a cohort the actor does not see is not shown: such a filter finds nobody.
      const cohorts = await this.access.cohortIds(actor);
      if (cohorts !== ALL && !cohorts.includes(query.cohortId)) {
        select.andWhere('1 = 0');
      }
      select.andWhere(
        (where) =>
          'EXISTS ' +
          where
            .subQuery()
            .select('1')
            .from(Enrollment, 'enrollment')
            .where('enrollment.participantId = participant.id')
            .andWhere('enrollment.cohortId = :cohortId')
            .getQuery(),
        { cohortId: query.cohortId },
      );
    }
    const page = await select
      .orderBy('participant.fullName', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(page, query, (participant) => this.toResponse(participant, actor));
  }

  async get(id: number, actor: Actor): Promise<ParticipantResponse> {
    this.access.assertVisible(await this.access.participantIds(actor), id, 'Participant');
    return this.toResponse(await this.findOrFail(id), actor);
  }

  async update(id: number, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    const saved = await this.unit.run(async (manager) => {
      const participant = await this.unit.lockOrFail(manager, Participant, id, 'Participant');
      if (dto.email !== undefined) {
        const email = normalizeEmail(dto.email);
        await this.ensureEmailFree(manager, email, id);
        dto = { ...dto, email };
      }
      return this.save(manager, this.participants.merge(participant, dto));
    });
    return ParticipantResponse.from(saved, { contacts: true });
  }

  /** Refused with 409 while the participant has enrollments (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.unit.run(async (manager) =>
      manager.remove(await this.unit.lockOrFail(manager, Participant, id, 'Participant')),
    );
  }

  async findOrFail(id: number): Promise<Participant> {
    const participant = await this.participants.findOneBy({ id });
    if (!participant) {
      throw notFound('Participant', id);
    }
    return participant;
  }

  private toResponse(participant: Participant, actor: Actor): ParticipantResponse {
    return ParticipantResponse.from(participant, {
      contacts: this.access.seesParticipantContacts(actor, participant.id),
    });
  }

  /** The unique constraint still guards against a concurrent insert (409 from the filter). */
  private async ensureEmailFree(
    manager: EntityManager,
    email: string,
    exceptId?: number,
  ): Promise<void> {
    const taken = await manager.existsBy(Participant, {
      email,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(`A participant with email ${email} already exists`);
    }
  }

  private save(manager: EntityManager, participant: Participant): Promise<Participant> {
    participant.searchText = foldForSearch(participant.fullName, participant.municipality);
    return manager.save(participant);
  }
}
