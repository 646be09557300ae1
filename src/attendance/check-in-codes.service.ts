import { ConflictException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { Clock } from '../common/time/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { CheckInCodeResponse, CheckInCodeSettingsDto, LocalMoment } from './attendance.dto';
import { AttendedSession, AttendedSessions } from './attended-sessions';
import { CheckInCode } from './check-in-code.entity';
import { acceptsCode, currentCode, graceSeconds, newCheckInSecret } from './check-in-codes';
import { checkInWindow } from './check-in-window';

/**
 * Each session's check-in code, shown to the staff who mark its attendance (to read out or put
 * on a screen as a QR code of the check-in link). A session gets its secret the first time its
 * code is asked for.
 */
@Injectable()
export class CheckInCodes {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: AttendedSessions,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<string>('PUBLIC_URL').replace(/\/+$/, '');
  }

  async show(caller: Caller, sessionId: number): Promise<CheckInCodeResponse> {
    const attended = await this.readableBy(caller, sessionId);
    const code =
      (await this.dataSource.getRepository(CheckInCode).findOneBy({ sessionId })) ??
      (await this.unit.run((manager) => this.findOrIssue(manager, sessionId)));
    return this.response(attended, code);
  }

  /** A new secret: the codes shown so far stop working. */
  async rotate(caller: Caller, sessionId: number): Promise<CheckInCodeResponse> {
    const attended = await this.readableBy(caller, sessionId);
    const code = await this.unit.run(async (manager) => {
      const code = await this.findOrIssue(manager, sessionId);
      code.secret = newCheckInSecret();
      code.issuedAt = this.clock.now();
      return manager.save(code);
    });
    return this.response(attended, code);
  }

  /** One fixed code, or a new one every so many seconds. */
  async configure(
    caller: Caller,
    sessionId: number,
    dto: CheckInCodeSettingsDto,
  ): Promise<CheckInCodeResponse> {
    const attended = await this.readableBy(caller, sessionId);
    const code = await this.unit.run(async (manager) => {
      const code = await this.findOrIssue(manager, sessionId);
      if (dto.rotateEverySeconds !== undefined) {
        code.rotateEverySeconds = dto.rotateEverySeconds;
      }
      return manager.save(code);
    });
    return this.response(attended, code);
  }

  /** Whether `typed` is the session's code at `now`; false while it has none. */
  async accepts(sessionId: number, typed: string, now: Date): Promise<boolean> {
    const code = await this.dataSource.getRepository(CheckInCode).findOneBy({ sessionId });
    return code !== null && acceptsCode(code, typed, now);
  }

  /** For the staff who mark the session; 409 once it is cancelled (nobody checks in to it). */
  private async readableBy(caller: Caller, sessionId: number): Promise<AttendedSession> {
    const attended = await this.sessions.findVisibleOrFail(caller, sessionId);
    await this.access.assertMarksAttendance(caller, sessionId);
    if (attended.session.status === 'cancelled') {
      throw new ConflictException(`Session ${sessionId} is cancelled: nobody checks in to it`);
    }
    return attended;
  }

  /** The session's code, locked; issued (and audited) the first time. */
  private async findOrIssue(manager: EntityManager, sessionId: number): Promise<CheckInCode> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CheckInCode)
      .values({
        sessionId,
        secret: newCheckInSecret(),
        rotateEverySeconds: null,
        issuedAt: this.clock.now(),
      })
      .orIgnore()
      .updateEntity(false)
      .callListeners(false)
      .execute();
    return (await this.unit.lock(manager, CheckInCode, { sessionId }))!;
  }

  private response(
    { session, stage, program }: AttendedSession,
    settings: CheckInCode,
  ): CheckInCodeResponse {
    const { code, validUntil } = currentCode(settings, this.clock.now());
    const window = checkInWindow(session, program);
    return {
      sessionId: session.id,
      code,
      link: `${this.publicUrl}/check-in/${session.id}?code=${code}`,
      rotateEverySeconds: settings.rotateEverySeconds,
      graceSeconds:
        settings.rotateEverySeconds === null ? null : graceSeconds(settings.rotateEverySeconds),
      validUntil: validUntil?.toISOString() ?? null,
      timeZone: stage.timeZone,
      opensAt: LocalMoment.of(window.opensAt, stage.timeZone),
      lateAfter: LocalMoment.of(window.lateAfter, stage.timeZone),
      closesAt: LocalMoment.of(window.closesAt, stage.timeZone),
    };
  }
}
