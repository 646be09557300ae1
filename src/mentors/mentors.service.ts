import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Not, Repository } from 'typeorm';
import { ALL, AccessService } from '../access/access.service';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { UnitOfWork } from '../database/unit-of-work';
import { foldForSearch, whereTextMatches } from '../common/search/fold-for-search';
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { Mentor } from './mentor.entity';

@Injectable()
export class MentorsService {
  constructor(
    @InjectRepository(Mentor) private readonly mentors: Repository<Mentor>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
  ) {}

  // Writes are the organizer's (the routes' roles), who sees contacts: responses carry them.

  async create(dto: CreateMentorDto): Promise<MentorResponse> {
    const email = normalizeEmail(dto.email);
    const mentor = this.mentors.create({ expertise: null, phone: null, ...dto, email });
    mentor.searchText = searchTextOf(mentor);
    const saved = await this.unit.run(async (manager) => {
      await this.assertEmailFree(manager, email);
      return manager.save(mentor);
    });
    return MentorResponse.from(saved, { contacts: true });
  }

  /** Only the mentors the actor sees; `total` counts only those. */
  async list(query: ListMentorsQuery, actor: Actor): Promise<Page<MentorResponse>> {
    const visible = await this.access.mentorIds(actor);
    const builder = this.access
      .restrict(this.mentors.createQueryBuilder('mentor'), 'mentor.id', visible)
      .orderBy('mentor.fullName', 'ASC')
      .addOrderBy('mentor.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.search) {
      whereTextMatches(
        builder,
        'mentor',
        query.search,
        visible === ALL ? ALL : visible.filter((id) => this.access.seesMentorContacts(actor, id)),
      );
    }
    return toPage(await builder.getManyAndCount(), query, (mentor) =>
      this.toResponse(mentor, actor),
    );
  }

  async get(id: number, actor: Actor): Promise<MentorResponse> {
    this.access.assertVisible(await this.access.mentorIds(actor), id, 'Mentor');
    return this.toResponse(await this.findOrFail(id), actor);
  }

  async update(id: number, dto: UpdateMentorDto): Promise<MentorResponse> {
    const saved = await this.unit.run(async (manager) => {
      const mentor = await this.unit.lockOrFail(manager, Mentor, id, 'Mentor');
      const changes = { ...dto };
      if (dto.email !== undefined) {
        changes.email = normalizeEmail(dto.email);
        await this.assertEmailFree(manager, changes.email, id);
      }
      this.mentors.merge(mentor, changes);
      mentor.searchText = searchTextOf(mentor);
      return manager.save(mentor);
    });
    return MentorResponse.from(saved, { contacts: true });
  }

  /** Refused with 409 while the mentor has assignments (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.unit.run(async (manager) =>
      manager.remove(await this.unit.lockOrFail(manager, Mentor, id, 'Mentor')),
    );
  }

  async findOrFail(id: number): Promise<Mentor> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor) {
      throw notFound('Mentor', id);
    }
    return mentor;
  }

  private toResponse(mentor: Mentor, actor: Actor): MentorResponse {
    return MentorResponse.from(mentor, {
      contacts: this.access.seesMentorContacts(actor, mentor.id),
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
      throw new ConflictException(`A mentor with email ${email} already exists`);
    }
  }
}

function searchTextOf(mentor: Mentor): string {
  return foldForSearch(mentor.fullName, mentor.organization);
}
