import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { EXCUSED_ABSENCE_RULES, ExcusedAbsenceRule } from '../programs/program.entity';
import { CSV_DELIMITERS, CsvDelimiter } from './attendance-csv';

export class AttendanceReportQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: Object.keys(CSV_DELIMITERS),
    default: 'comma',
    description: 'The CSV field separator (Excel in a Russian locale expects semicolons)',
  })
  @IsOptional()
  @IsIn(Object.keys(CSV_DELIMITERS))
  delimiter?: CsvDelimiter;
}

export class CompletionRule {
  @ApiProperty({ example: 80 })
  requiredAttendancePercent: number;

  @ApiProperty({ enum: EXCUSED_ABSENCE_RULES })
  excusedAbsences: ExcusedAbsenceRule;

  @ApiProperty({ example: 3 })
  attendanceWarningAfterSessions: number;
}

export class ReportStage {
  @ApiProperty()
  id: number;

  @ApiProperty()
  sequence: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  city: string;

  @ApiProperty()
  timeZone: string;

  @ApiProperty({ example: '2025-11-17' })
  startDate: string;

  @ApiProperty({ example: '2025-11-20' })
  endDate: string;

  @ApiProperty({ description: 'Mandatory sessions (not cancelled)' })
  mandatorySessions: number;

  @ApiProperty({ description: 'Of those, the ones that have ended' })
  endedSessions: number;
}

export class AttendanceTotals {
  @ApiProperty({ description: 'Mandatory sessions that have begun' })
  held: number;

  @ApiProperty()
  present: number;

  @ApiProperty()
  late: number;

  @ApiProperty()
  excused: number;

  @ApiProperty()
  absent: number;

  @ApiProperty({ description: 'Begun mandatory sessions without a record (missed)' })
  unmarked: number;

  @ApiProperty({ description: 'Sessions attended under the rule' })
  attended: number;

  @ApiProperty({ description: 'Sessions the rule counts' })
  counted: number;

  @ApiProperty({ nullable: true, type: Number, example: 85.7 })
  ratePercent: number | null;

  @ApiProperty()
  completed: boolean;
}

export class AttendanceWarningResponse {
  @ApiProperty()
  attended: number;

  @ApiProperty()
  counted: number;

  @ApiProperty()
  raisedAt: string;

  @ApiProperty({ nullable: true, type: String })
  notifiedAt: string | null;
}

export class StageAttendance extends AttendanceTotals {
  @ApiProperty()
  stageId: number;

  @ApiProperty({ type: AttendanceWarningResponse, nullable: true })
  warning: AttendanceWarningResponse | null;
}

export class ReportParticipant {
  @ApiProperty()
  id: number;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  position: string;

  @ApiProperty()
  municipality: string;

  @ApiProperty()
  region: string;
}

export class ParticipantAttendance {
  @ApiProperty({ type: ReportParticipant })
  participant: ReportParticipant;

  @ApiProperty({ enum: ['active', 'withdrawn', 'completed'] })
  enrollmentStatus: string;

  @ApiProperty({ type: [StageAttendance], description: 'In the order of `stages`' })
  stages: StageAttendance[];

  @ApiProperty({
    type: AttendanceTotals,
    nullable: true,
    description: 'Over every stage; null for a caller who sees only some of them (a host)',
  })
  program: AttendanceTotals | null;
}

export class ParticipantAttendancePage {
  @ApiProperty({ type: [ParticipantAttendance] })
  items: ParticipantAttendance[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class AttendanceReport {
  @ApiProperty()
  cohortId: number;

  @ApiProperty()
  programId: number;

  @ApiProperty({ type: CompletionRule })
  rule: CompletionRule;

  @ApiProperty({ description: 'When the report was made: sessions begun by then count' })
  asOf: string;

  @ApiProperty({ type: [ReportStage] })
  stages: ReportStage[];

  @ApiProperty({ type: ParticipantAttendancePage })
  participants: ParticipantAttendancePage;
}

export class SessionAttendanceSummary {
  @ApiProperty()
  sessionId: number;

  @ApiProperty()
  stageId: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  isMandatory: boolean;

  @ApiProperty({ enum: ['scheduled', 'cancelled'] })
  status: string;

  @ApiProperty()
  startsAt: string;

  @ApiProperty()
  startsAtLocal: string;

  @ApiProperty()
  timeZone: string;

  @ApiProperty()
  city: string;

  @ApiProperty({ description: 'Participants expected: enrolled, not withdrawn before it began' })
  expected: number;

  @ApiProperty()
  present: number;

  @ApiProperty()
  late: number;

  @ApiProperty()
  excused: number;

  @ApiProperty()
  absent: number;

  @ApiProperty()
  unmarked: number;
}
