import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { JsonSql } from '../database/json-sql';
import { UnitOfWork } from '../database/unit-of-work';
import { foldForSearch } from '../common/search/fold-for-search';
import { TextSearch } from '../common/search/text-search';
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { Mentor } from './mentor.entity';
import { SESSION_MENTORS } from '../sessions/session.entity';
import { duplicateAs } from '../database/database-errors';

@Injectable()
export class MentorsService {
  constructor(
    @InjectRepository(Mentor) private readonly mentors: Repository<Mentor>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly search: TextSearch,
    private readonly json: JsonSql,
  ) {}

  // Organizers write and see contacts: write responses carry them.

  async create(caller: Caller, dto: CreateMentorDto): Promise<MentorResponse> {
    this.access.requireRole(caller, 'organizer');
    const email = normalizeEmail(dto.email);
    const mentor = this.mentors.create({ expertise: null, phone: null, ...dto, email });
    mentor.searchText = searchTextOf(mentor);
    const saved = await this.unit.run(async (manager) => {
      await this.assertEmailFree(manager, email);
      return manager.save(this.mentors.create({ ...mentor })).catch(duplicateAs(emailTaken(email)));
    });
    return MentorResponse.from(saved, { contacts: true });
  }

  /** Only the mentors the caller sees; `total` counts only those. */
  async list(caller: Caller, query: ListMentorsQuery): Promise<Page<MentorResponse>> {
    const builder = this.mentors.createQueryBuilder('mentor');
    if (query.search) {
      this.search.joinMatches(
        builder,
        { alias: 'mentor', table: 'mentors' },
        query.search,
        this.access.searchableEmails(caller, 'mentor'),
        (idColumn) => this.access.visibleWhere(caller, 'mentor', idColumn),
      );
    } else {
      this.access.scope(builder, caller, 'mentor', 'mentor.id');
    }
    builder
      .orderBy('mentor.fullName', 'ASC')
      .addOrderBy('mentor.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit);
    const page = await this.json.readPage(builder, { countWithPage: Boolean(query.search) });
    return toPage(page, query, (mentor) => this.toResponse(caller, mentor));
  }

  async get(caller: Caller, id: number): Promise<MentorResponse> {
    const mentor = await this.access.findVisibleOrFail(
      caller,
      'mentor',
      this.mentors.createQueryBuilder('mentor').where('mentor.id = :id', { id }),
      'mentor.id',
      id,
      'Mentor',
    );
    return this.toResponse(caller, mentor);
  }

  async update(caller: Caller, id: number, dto: UpdateMentorDto): Promise<MentorResponse> {
    this.access.requireRole(caller, 'organizer');
    const saved = await this.unit.run(async (manager) => {
      const mentor = await this.unit.lockOrFail(manager, Mentor, id, 'Mentor');
      const changes = { ...dto };
      if (dto.email !== undefined) {
        changes.email = normalizeEmail(dto.email);
        await this.assertEmailFree(manager, changes.email, id);
      }
      this.mentors.merge(mentor, changes);
      mentor.searchText = searchTextOf(mentor);
      return manager.save(mentor).catch(duplicateAs(emailTaken(mentor.email)));
    });
    return MentorResponse.from(saved, { contacts: true });
  }

  /**
   * Refused with 409 while the mentor has assignments (see the exception filter) or leads
   * sessions: those links would otherwise go without a trace.
   */
  async remove(caller: Caller, id: number): Promise<void> {
    this.access.requireRole(caller, 'organizer');
    await this.unit.run(async (manager) => {
      const mentor = await this.unit.lockOrFail(manager, Mentor, id, 'Mentor');
      const { count } = await manager
        .createQueryBuilder()
        .select('COUNT(*)', 'count')
        .from(SESSION_MENTORS, 'link')
        .where('"link"."mentorId" = :id', { id })
        .getRawOne();
      if (Number(count) > 0) {
        throw new ConflictException(
          `Mentor ${id} leads ${count} session(s); remove the mentor from them first`,
        );
      }
      await manager.remove(mentor);
    });
  }

  async findOrFail(id: number): Promise<Mentor> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor) {
      throw notFound('Mentor', id);
    }
    return mentor;
  }

  private toResponse(caller: Caller, mentor: Mentor): MentorResponse {
    return MentorResponse.from(mentor, {
      contacts: this.access.seesMentorContacts(caller, mentor.id),
    });
  }

  /** The unique index also guards this; the check gives a clear message. */
  private async assertEmailFree(
    manager: EntityManager,
    email: string,
    exceptId?: number,
  ): Promise<void> {
    const taken = await manager.existsBy(Mentor, {
      email,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(emailTaken(email));
    }
  }
}

function searchTextOf(mentor: Mentor): string {
  return foldForSearch(mentor.fullName, mentor.organization);
}

const emailTaken = (email: string) => `A mentor with email ${email} already exists`;
