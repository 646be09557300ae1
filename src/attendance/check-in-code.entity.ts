import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Audited } from '../audit/audited';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';
import { Session } from '../sessions/session.entity';

/**
 * The secret a session's check-in codes are derived from: one fixed code, or (when
 * `rotateEverySeconds` is set) a new code every so many seconds. Rotating the code replaces
 * the secret.
 */
@Entity('check_in_codes')
@Audited({ secrets: { secret: 'code' } })
export class CheckInCode {
  @PrimaryColumn({ type: 'integer' })
  sessionId: number;

  @OneToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_check_in_codes_session' })
  session?: Session;

  @Column({ type: 'varchar', length: 64 })
  secret: string;

  @Column({ type: 'integer', nullable: true })
  rotateEverySeconds: number | null;

  @Column({ type: INSTANT_COLUMN_TYPE })
  issuedAt: Date;
}
