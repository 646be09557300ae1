import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Clock } from '../common/time/clock';
import { parameterMarker } from '../database/sql';
import { UnitOfWork } from '../database/unit-of-work';
import { RateLimitWindow } from './rate-limit-window.entity';

/** One in so many increments also clears windows that ended long ago. */
const SWEEP_EVERY = 200;
const SWEEP_AFTER_MS = 3_600_000;

/**
 * Counts @nestjs/throttler's hits in the database, in fixed windows, so that every instance of
 * the service behind a load balancer shares the same limits. The increment is one upsert: it
 * counts every concurrent attempt exactly once on both engines.
 */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private increments = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * The whole seconds until `key` may be tried again when it has had more than `limit` hits in
   * its current window; 0 when it may be tried now. Adds no hit.
   */
  async secondsBlocked(key: string, limit: number): Promise<number> {
    const window = await this.dataSource.getRepository(RateLimitWindow).findOneBy({ key });
    const left = window ? Number(window.endsAt) - this.clock.now().getTime() : 0;
    return window && window.hits > limit && left > 0 ? Math.ceil(left / 1000) : 0;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
  ): ReturnType<ThrottlerStorage['increment']> {
    const now = this.clock.now().getTime();
    const window = await this.unit.run(async (manager) => {
      const table = 'rate_limit_windows';
      const [keyParam, endsAtParam, nowParam] = [1, 2, 3].map((index) =>
        parameterMarker(manager.connection, index),
      );
      const firstParam = keyParam;
      await manager.query(
        `INSERT INTO "${table}" ("key", "hits", "endsAt") VALUES (${keyParam}, 1, ${endsAtParam})
         ON CONFLICT ("key") DO UPDATE SET
           "hits" = CASE WHEN "${table}"."endsAt" <= ${nowParam} THEN 1
                         ELSE "${table}"."hits" + 1 END,
           "endsAt" = CASE WHEN "${table}"."endsAt" <= ${nowParam} THEN ${endsAtParam}
                           ELSE "${table}"."endsAt" END`,
        [key, now + ttl, now],
      );
      if (++this.increments % SWEEP_EVERY === 0) {
        await manager.query(`DELETE FROM "${table}" WHERE "endsAt" < ${firstParam}`, [
          now - SWEEP_AFTER_MS,
        ]);
      }
      return manager.findOneByOrFail(RateLimitWindow, { key });
    });
    const hits = window.hits;
    const timeToExpire = Math.max(0, Math.ceil((Number(window.endsAt) - now) / 1000));
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    };
  }
}
