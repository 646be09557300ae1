import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { foldForSearch } from '../common/search/fold-for-search';
import { TextSearch } from '../common/search/text-search';
import { JsonSql } from '../database/json-sql';
import { UnitOfWork } from '../database/unit-of-work';
import { Enrollment } from '../enrollments/enrollment.entity';
import {
  CreateParticipantDto,
  ListParticipantsQuery,
  ParticipantResponse,
  UpdateParticipantDto,
} from './participant.dto';
import { Participant } from './participant.entity';
import { duplicateAs } from '../database/database-errors';

export const DEFAULT_PARTICIPANT_LOCALE = 'ru';

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly search: TextSearch,
    private readonly json: JsonSql,
  ) {}

  /** Writes are the organizer's (the routes' roles), who sees contacts: responses carry them. */
  async create(caller: Caller, dto: CreateParticipantDto): Promise<ParticipantResponse> {
    this.access.requireRole(caller, 'organizer');
    const participant = this.participants.create({
      phone: null,
      locale: DEFAULT_PARTICIPANT_LOCALE,
      ...dto,
      email: normalizeEmail(dto.email),
    });
    const saved = await this.unit.run(async (manager) => {
      await this.ensureEmailFree(manager, participant.email);
      return this.save(manager, this.participants.create({ ...participant }));
    });
    return ParticipantResponse.from(saved, { contacts: true });
  }

  /** Only the participants the caller sees; `total` counts only those. */
  async list(caller: Caller, query: ListParticipantsQuery): Promise<Page<ParticipantResponse>> {
    const select = this.participants.createQueryBuilder('participant');
    if (query.search) {
      this.search.joinMatches(
        select,
        { alias: 'participant', table: 'participants' },
        query.search,
        this.access.searchableEmails(caller, 'participant'),
        (idColumn) => this.access.visibleWhere(caller, 'participant', idColumn),
      );
    } else {
      this.access.scope(select, caller, 'participant', 'participant.id');
    }
    if (query.region !== undefined) {
      select.andWhere('participant.region = :region', { region: query.region });
    }
    if (query.cohortId !== undefined) {
      // Enrollment in a cohort the caller does not see is not shown: such a filter finds nobody.
      const enrolled = this.access.scope(
        select
          .subQuery()
          .select('1')
          .from(Enrollment, 'enrollment')
          .where('enrollment.participantId = participant.id')
          .andWhere('enrollment.cohortId = :cohortId', { cohortId: query.cohortId }),
        caller,
        'cohort',
        'enrollment.cohortId',
      );
      select.andWhere(`EXISTS ${enrolled.getQuery()}`, enrolled.getParameters());
    }
    const page = await this.json.readPage(
      select
        .orderBy('participant.fullName', 'ASC')
        .addOrderBy('participant.id', 'ASC')
        .offset(query.offset)
        .limit(query.limit),
      // A search finds its matches through the trigram index: count them in the same pass.
      { countWithPage: Boolean(query.search) },
    );
    return toPage(page, query, (participant) => this.toResponse(caller, participant));
  }

  async get(caller: Caller, id: number): Promise<ParticipantResponse> {
    const participant = await this.access.findVisibleOrFail(
      caller,
      'participant',
      this.participants.createQueryBuilder('participant').where('participant.id = :id', { id }),
      'participant.id',
      id,
      'Participant',
    );
    return this.toResponse(caller, participant);
  }

  async update(
    caller: Caller,
    id: number,
    dto: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    this.access.requireRole(caller, 'organizer');
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
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
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

  private toResponse(caller: Caller, participant: Participant): ParticipantResponse {
    return ParticipantResponse.from(participant, {
      contacts: this.access.seesParticipantContacts(caller, participant.id),
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
      throw new ConflictException(emailTaken(email));
    }
  }

  private save(manager: EntityManager, participant: Participant): Promise<Participant> {
    participant.searchText = foldForSearch(participant.fullName, participant.municipality);
    return manager.save(participant).catch(duplicateAs(emailTaken(participant.email)));
  }
}

const emailTaken = (email: string) => `A participant with email ${email} already exists`;
