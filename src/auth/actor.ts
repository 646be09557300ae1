import { Role } from '../accounts/account.entity';

/** The signed-in caller of a request, as the rules of access need it. */
export interface Actor {
  accountId: number;
  role: Role;
  participantId: number | null;
  mentorId: number | null;
}
