import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { containsPattern, foldForSearch } from '../common/search/fold-for-search';
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
  ) {}

  async create(dto: CreateParticipantDto): Promise<ParticipantResponse> {
    const participant = this.participants.create({
      phone: null,
      locale: DEFAULT_PARTICIPANT_LOCALE,
      ...dto,
      email: normalizeEmail(dto.email),
    });
    await this.ensureEmailFree(participant.email);
    return ParticipantResponse.from(await this.save(participant));
  }

  async list(query: ListParticipantsQuery): Promise<Page<ParticipantResponse>> {
    const select = this.participants.createQueryBuilder('participant');
    if (query.search) {
      select.andWhere(`participant.searchText LIKE :pattern ESCAPE '\\'`, {
        pattern: containsPattern(query.search),
      });
    }
    if (query.region !== undefined) {
      select.andWhere('participant.region = :region', { region: query.region });
    }
    if (query.cohortId !== undefined) {
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
    return toPage(page, query, ParticipantResponse.from);
  }

  async get(id: number): Promise<ParticipantResponse> {
    return ParticipantResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    const participant = await this.findOrFail(id);
    if (dto.email !== undefined) {
      const email = normalizeEmail(dto.email);
      await this.ensureEmailFree(email, id);
      dto = { ...dto, email };
    }
    return ParticipantResponse.from(await this.save(this.participants.merge(participant, dto)));
  }

  /** Refused with 409 while the participant has enrollments (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.participants.remove(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Participant> {
    const participant = await this.participants.findOneBy({ id });
    if (!participant) {
      throw notFound('Participant', id);
    }
    return participant;
  }

  /** The unique constraint still guards against a concurrent insert (409 from the filter). */
  private async ensureEmailFree(email: string, exceptId?: number): Promise<void> {
    const taken = await this.participants.existsBy({
      email,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(`A participant with email ${email} already exists`);
    }
  }

  private save(participant: Participant): Promise<Participant> {
    participant.searchText = foldForSearch(
      participant.fullName,
      participant.municipality,
      participant.email,
    );
    return this.participants.save(participant);
  }
}
