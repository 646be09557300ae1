import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
} from 'typeorm';

/**
 * Attendance: one record per session and participant, the sessions' check-in codes, the
 * warnings raised when a participant's attendance falls below its program's rule, and each
 * program's check-in window and completion settings.
 */
export class Attendance1795480000000 implements MigrationInterface {
  name = 'Attendance1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    const instant = isPostgres ? 'timestamptz' : 'datetime';
    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const integer = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable,
    });
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const moment = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: instant,
      isNullable,
    });
    const reference = (
      name: string,
      column: string,
      referencedTable: string,
      onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT',
    ) =>
      new TableForeignKey({
        name,
        columnNames: [column],
        referencedTableName: referencedTable,
        referencedColumnNames: ['id'],
        onDelete,
        onUpdate: 'NO ACTION',
      });

    for (const column of [
      `"checkInOpensMinutesBefore" integer NOT NULL DEFAULT 30`,
      `"checkInClosesMinutesAfterEnd" integer NOT NULL DEFAULT 0`,
      `"lateAfterMinutes" integer NOT NULL DEFAULT 10`,
      `"excusedAbsences" varchar(20) NOT NULL DEFAULT 'excluded'`,
      `"attendanceWarningAfterSessions" integer NOT NULL DEFAULT 3`,
    ]) {
      await queryRunner.query(`ALTER TABLE "programs" ADD COLUMN ${column}`);
    }

    await queryRunner.createTable(
      new Table({
        name: 'attendance',
        columns: [
          id,
          integer('sessionId'),
          integer('participantId'),
          integer('enrollmentId'),
          text('status', 20),
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          text('method', 20),
          integer('markedBy', true),
          moment('markedAt'),
        ],
        indices: [
          {
            name: 'UQ_attendance_session_participant',
            columnNames: ['sessionId', 'participantId'],
            isUnique: true,
          },
          { name: 'IDX_attendance_participant', columnNames: ['participantId', 'sessionId'] },
          { name: 'IDX_attendance_enrollment', columnNames: ['enrollmentId'] },
        ],
        foreignKeys: [
          reference('FK_attendance_session', 'sessionId', 'sessions'),
          reference('FK_attendance_participant', 'participantId', 'participants'),
          reference('FK_attendance_enrollment', 'enrollmentId', 'enrollments'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'check_in_codes',
        columns: [
          { name: 'sessionId', type: 'integer', isPrimary: true },
          text('secret', 64),
          integer('rotateEverySeconds', true),
          moment('issuedAt'),
        ],
        // A code is no evidence: it goes with its session.
        foreignKeys: [reference('FK_check_in_codes_session', 'sessionId', 'sessions', 'CASCADE')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'attendance_warnings',
        columns: [
          id,
          integer('participantId'),
          integer('stageId'),
          integer('attended'),
          integer('counted'),
          moment('raisedAt'),
          moment('notifiedAt', true),
        ],
        indices: [
          {
            name: 'UQ_attendance_warnings_participant_stage',
            columnNames: ['participantId', 'stageId'],
            isUnique: true,
          },
          { name: 'IDX_attendance_warnings_stage', columnNames: ['stageId'] },
        ],
        foreignKeys: [
          reference('FK_attendance_warnings_participant', 'participantId', 'participants'),
          reference('FK_attendance_warnings_stage', 'stageId', 'stages'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attendance_warnings');
    await queryRunner.dropTable('check_in_codes');
    await queryRunner.dropTable('attendance');
    for (const column of [
      'attendanceWarningAfterSessions',
      'excusedAbsences',
      'lateAfterMinutes',
      'checkInClosesMinutesAfterEnd',
      'checkInOpensMinutesBefore',
    ]) {
      await queryRunner.dropColumn('programs', column);
    }
  }
}
