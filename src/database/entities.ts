import { Account } from '../accounts/account.entity';
import { AgendaVersion } from '../agendas/agenda-version.entity';
import { PublishedSession, PublishedSessionMentor } from '../agendas/published-session.entity';
import { Invitation } from '../accounts/invitation.entity';
import { AttendanceRecord } from '../attendance/attendance-record.entity';
import { AttendanceWarning } from '../attendance/attendance-warning.entity';
import { CheckInCode } from '../attendance/check-in-code.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { MentoringMeeting } from '../meetings/mentoring-meeting.entity';
import { MentorAssignment } from '../mentors/mentor-assignment.entity';
import { Mentor } from '../mentors/mentor.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Notification } from '../notifications/notification.entity';
import { Participant } from '../participants/participant.entity';
import { Program } from '../programs/program.entity';
import { RateLimitWindow } from '../rate-limits/rate-limit-window.entity';
import { CalendarFeed } from '../schedules/calendar-feed.entity';
import { Session } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';

export const ENTITIES = [
  Program,
  Cohort,
  Stage,
  Session,
  Participant,
  Enrollment,
  Mentor,
  MentorAssignment,
  Account,
  Invitation,
  AuditEntry,
  RateLimitWindow,
  AgendaVersion,
  PublishedSession,
  PublishedSessionMentor,
  CalendarFeed,
  AttendanceRecord,
  CheckInCode,
  AttendanceWarning,
  MentoringMeeting,
  Notification,
  NotificationPreference,
];
