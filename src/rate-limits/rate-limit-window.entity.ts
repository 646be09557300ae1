import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hits of one rate-limit key in its current window, shared by every instance of the service
 * through the database. Times are epoch milliseconds, the same on both engines.
 */
@Entity('rate_limit_windows')
export class RateLimitWindow {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'bigint' })
  endsAt: string;
}
