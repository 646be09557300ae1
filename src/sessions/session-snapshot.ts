import { SessionStatus, SessionType } from './session.entity';

/** A session as an agenda version keeps it: plain data, instants as UTC ISO strings. */
export interface SessionSnapshot {
  id: number;
  title: string;
  description: string | null;
  type: SessionType;
  status: SessionStatus;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
  track: string | null;
  isMandatory: boolean;
  capacity: number | null;
  speakers: string[];
  mentors: { id: number; fullName: string; position: string }[];
}
