import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { containsPattern, foldForSearch } from '../common/search/fold-for-search';
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { Mentor } from './mentor.entity';

@Injectable()
export class MentorsService {
  constructor(@InjectRepository(Mentor) private readonly mentors: Repository<Mentor>) {}

  async create(dto: CreateMentorDto): Promise<MentorResponse> {
    const email = normalizeEmail(dto.email);
    await this.assertEmailFree(email);
    const mentor = this.mentors.create({ expertise: null, phone: null, ...dto, email });
    mentor.searchText = searchTextOf(mentor);
    return MentorResponse.from(await this.mentors.save(mentor));
  }

  async list(query: ListMentorsQuery): Promise<Page<MentorResponse>> {
    const builder = this.mentors
      .createQueryBuilder('mentor')
      .orderBy('mentor.fullName', 'ASC')
      .addOrderBy('mentor.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.search) {
      builder.where(`mentor.searchText LIKE :pattern ESCAPE '\\'`, {
        pattern: containsPattern(query.search),
      });
    }
    return toPage(await builder.getManyAndCount(), query, MentorResponse.from);
  }

  async get(id: number): Promise<MentorResponse> {
    return MentorResponse.from(await this.findOrFail(id));
  }

  async update(id: number, dto: UpdateMentorDto): Promise<MentorResponse> {
    const mentor = await this.findOrFail(id);
    const changes = { ...dto };
    if (dto.email !== undefined) {
      changes.email = normalizeEmail(dto.email);
      await this.assertEmailFree(changes.email, id);
    }
    this.mentors.merge(mentor, changes);
    mentor.searchText = searchTextOf(mentor);
    return MentorResponse.from(await this.mentors.save(mentor));
  }

  /** Refused with 409 while the mentor has assignments (see the exception filter). */
  async remove(id: number): Promise<void> {
    await this.mentors.remove(await this.findOrFail(id));
  }

  async findOrFail(id: number): Promise<Mentor> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor) {
      throw notFound('Mentor', id);
    }
    return mentor;
  }

  /** The unique index also guards this; the check gives a clear message. */
  private async assertEmailFree(email: string, exceptId?: number): Promise<void> {
    const taken = await this.mentors.existsBy({
      email,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (taken) {
      throw new ConflictException(`A mentor with email ${email} already exists`);
    }
  }
}

function searchTextOf(mentor: Mentor): string {
  return foldForSearch(mentor.fullName, mentor.organization, mentor.email);
}
