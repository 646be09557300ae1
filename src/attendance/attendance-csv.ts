import { stringify } from 'csv-stringify/sync';
import { AttendanceReport, AttendanceTotals } from './attendance-report.dto';

export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');
const rate = (totals: AttendanceTotals | null) => totals?.ratePercent ?? '';

/**
 * The report as CSV, one row per participant and stage, with the program's totals on each of
 * the participant's rows. UTF-8 with a byte order mark, so that Excel keeps the Cyrillic.
 */
export function attendanceCsv(report: AttendanceReport, delimiter: CsvDelimiter): string {
  const rows = report.participants.items.flatMap((item) =>
    report.stages.map((stage, index) => {
      const totals = item.stages[index];
      return {
        participant_id: item.participant.id,
        full_name: item.participant.fullName,
        position: item.participant.position,
        municipality: item.participant.municipality,
        region: item.participant.region,
        enrollment: item.enrollmentStatus,
        stage_sequence: stage.sequence,
        stage: stage.title,
        city: stage.city,
        mandatory_sessions: stage.mandatorySessions,
        held: totals.held,
        present: totals.present,
        late: totals.late,
        excused: totals.excused,
        absent: totals.absent,
        unmarked: totals.unmarked,
        rate_percent: rate(totals),
        stage_completed: yesNo(totals.completed),
        warned: yesNo(totals.warning !== null),
        program_rate_percent: rate(item.program),
        program_completed: yesNo(item.program?.completed),
      };
    }),
  );
  return stringify(rows, {
    bom: true,
    header: true,
    delimiter: CSV_DELIMITERS[delimiter],
    record_delimiter: 'windows',
    columns: COLUMNS,
  });
}

const COLUMNS = [
  'participant_id',
  'full_name',
  'position',
  'municipality',
  'region',
  'enrollment',
  'stage_sequence',
  'stage',
  'city',
  'mandatory_sessions',
  'held',
  'present',
  'late',
  'excused',
  'absent',
  'unmarked',
  'rate_percent',
  'stage_completed',
  'warned',
  'program_rate_percent',
  'program_completed',
];
