import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Not, Repository, SelectQueryBuilder } from 'typeorm';
import { ALL, AccessService, Visible } from '../access/access.service';
import { Actor } from '../auth/actor';
import { notFound } from '../common/http/not-found';
import { Page, toPage } from '../common/http/pagination';
import { normalizeEmail } from '../common/validation/email';
import { containsPattern, foldForSearch } from '../common/search/fold-for-search';
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { Mentor } from './mentor.entity';

@Injectable()
export class MentorsService {
  constructor(
    @InjectRepository(Mentor) private readonly mentors: Repository<Mentor>,
    private readonly access: AccessService,
  ) {}

  // Writes are the organizer's (the routes' roles), who sees contacts: responses carry them.

  async create(dto: CreateMentorDto): Promise<MentorResponse> {
    const email = normalizeEmail(dto.email);
    await this.assertEmailFree(email);
    const mentor = this.mentors.create({ expertise: null, phone: null, ...dto, email });
    mentor.searchText = searchTextOf(mentor);
    return MentorResponse.from(await this.mentors.save(mentor));
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
      this.whereSearchMatches(builder, containsPattern(query.search), visible, actor);
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

  private toResponse(mentor: Mentor, actor: Actor): MentorResponse {
    return MentorResponse.from(mentor, {
      contacts: this.access.seesMentorContacts(actor, mentor.id),
    });
  }

  /**
   * The search text ends with the email (see `searchTextOf`). Where the actor may not see the
   * email, only the name and organization before it are searched, so a search cannot reveal it.
   */
  private whereSearchMatches(
    builder: SelectQueryBuilder<Mentor>,
    pattern: string,
    visible: Visible,
    actor: Actor,
  ): void {
    const withContacts =
      visible === ALL ? ALL : visible.filter((id) => this.access.seesMentorContacts(actor, id));
    const everything = `mentor.searchText LIKE :pattern ESCAPE '\\'`;
    if (withContacts === ALL) {
      builder.andWhere(everything, { pattern });
      return;
    }
    const withoutEmail =
      'substr(mentor.searchText, 1, ' +
      `length(mentor.searchText) - length(mentor.email) - 1) LIKE :pattern ESCAPE '\\'`;
    builder.andWhere(
      new Brackets((where) => {
        where.where(withoutEmail, { pattern });
        if (withContacts.length > 0) {
          where.orWhere(
            new Brackets((own) =>
              own
                .where(everything, { pattern })
                .andWhere('mentor.id IN (:...withContacts)', { withContacts }),
            ),
          );
        }
      }),
    );
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

/** The email comes last: `whereSearchMatches` relies on it to leave the email out. */
function searchTextOf(mentor: Mentor): string {
  return foldForSearch(mentor.fullName, mentor.organization, mentor.email);
}
