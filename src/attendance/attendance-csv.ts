import { stringify } from 'csv-stringify/sync';
import {
  AttendanceReport,
  AttendanceTotals,
  ReportStage,
  StageAttendance,
} from './attendance-report.dto';

export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiter = keyof typeof CSV_DELIMITERS;

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');
const rate = (totals: AttendanceTotals | null | undefined) => totals?.ratePercent ?? '';

/** What a spreadsheet would run as a formula if a cell began with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The report as CSV, one row per participant and stage (one row with empty stage columns for a
 * cohort without stages), with the program's totals on each of the participant's rows. UTF-8
 * with a byte order mark, so that Excel keeps the Cyrillic; text that a spreadsheet would take
 * for a formula is written as text; with semicolons (Excel in a Russian locale), decimal commas.
 */
export function attendanceCsv(report: AttendanceReport, delimiter: CsvDelimiter): string {
  const stages: (ReportStage | undefined)[] =
    report.stages.length > 0 ? report.stages : [undefined];
  const rows = report.participants.items.flatMap((item) =>
    stages.map((stage, index) => {
      const totals: StageAttendance | undefined = stage && item.stages[index];
      return {
        participant_id: item.participant.id,
        full_name: item.participant.fullName,
        position: item.participant.position,
        municipality: item.participant.municipality,
        region: item.participant.region,
        enrollment: item.enrollmentStatus,
        stage_sequence: stage?.sequence,
        stage: stage?.title,
        city: stage?.city,
        mandatory_sessions: stage?.mandatorySessions,
        held: totals?.held,
        present: totals?.present,
        late: totals?.late,
        excused: totals?.excused,
        absent: totals?.absent,
        unmarked: totals?.unmarked,
        rate_percent: rate(totals),
        stage_completed: yesNo(totals?.completed),
        warned: totals ? yesNo(totals.warning !== null) : '',
        program_rate_percent: rate(item.program),
        program_completed: yesNo(item.program?.completed),
      };
    }),
  );
  const decimalComma = delimiter === 'semicolon';
  return stringify(rows, {
    bom: true,
    header: true,
    delimiter: CSV_DELIMITERS[delimiter],
    record_delimiter: 'windows',
    // A line break of any kind inside a field is quoted, not only the record delimiter.
    quoted_match: /[\r\n]/,
    columns: COLUMNS,
    cast: {
      string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
      number: (value) => (decimalComma ? String(value).replace('.', ',') : String(value)),
    },
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
