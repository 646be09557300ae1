import { Role } from '../accounts/account.entity';

/** The signed-in caller of a request, as the rules of access need it. */
export interface Actor {
  accountId: number;
  role: Role;
  participantId: number | null;
  mentorId: number | null;
}

/** Work the service does by itself, outside any request (demo data): an organizer's reach. */
export const SYSTEM_ACTOR: Actor = {
  accountId: 0,
  role: 'organizer',
  participantId: null,
  mentorId: null,
};
