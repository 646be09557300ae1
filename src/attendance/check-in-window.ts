import { Program } from '../programs/program.entity';
import { Session } from '../sessions/session.entity';

export interface CheckInWindow {
  opensAt: Date;
  /** A check-in after this is late. */
  lateAfter: Date;
  closesAt: Date;
}

const MINUTE_MS = 60_000;

/** When a participant may check itself in to `session`, by its program's settings. */
export function checkInWindow(
  session: Pick<Session, 'startsAt' | 'endsAt'>,
  program: Pick<
    Program,
    'checkInOpensMinutesBefore' | 'checkInClosesMinutesAfterEnd' | 'lateAfterMinutes'
  >,
): CheckInWindow {
  const starts = session.startsAt.getTime();
  return {
    opensAt: new Date(starts - program.checkInOpensMinutesBefore * MINUTE_MS),
    lateAfter: new Date(starts + program.lateAfterMinutes * MINUTE_MS),
    closesAt: new Date(session.endsAt.getTime() + program.checkInClosesMinutesAfterEnd * MINUTE_MS),
  };
}
