import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from 'typeorm';

/**
 * Programs, cohorts, stages, sessions, participants with enrollments, mentors with assignments.
 * Written with the schema builder so one migration serves SQLite and PostgreSQL.
 */
export class CreateProgramTree1795430000000 implements MigrationInterface {
  name = 'CreateProgramTree1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    const instant = isPostgres ? 'timestamptz' : 'datetime';
    const now = isPostgres ? 'now()' : "datetime('now')";

    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const integer = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable,
    });
    const moment = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: instant,
      isNullable,
    });
    const timestamps: TableColumnOptions[] = [
      { name: 'createdAt', type: instant, default: now },
      { name: 'updatedAt', type: instant, default: now },
    ];
    const restrictedReference = (
      name: string,
      column: string,
      referencedTable: string,
    ): TableForeignKey =>
      new TableForeignKey({
        name,
        columnNames: [column],
        referencedTableName: referencedTable,
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'NO ACTION',
      });

    await queryRunner.createTable(
      new Table({
        name: 'programs',
        columns: [
          id,
          text('title', 300),
          { name: 'description', type: 'text', isNullable: true },
          text('organizer', 300),
          text('status', 20),
          integer('requiredAttendancePercent'),
          ...timestamps,
        ],
        indices: [{ name: 'IDX_programs_status', columnNames: ['status'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'cohorts',
        columns: [id, integer('programId'), text('title', 200), ...timestamps],
        indices: [
          { name: 'UQ_cohorts_program_title', columnNames: ['programId', 'title'], isUnique: true },
        ],
        foreignKeys: [restrictedReference('FK_cohorts_program', 'programId', 'programs')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'stages',
        columns: [
          id,
          integer('cohortId'),
          integer('sequence'),
          text('title', 300),
          text('city', 200),
          text('region', 200),
          text('timeZone', 64),
          text('venue', 300, true),
          text('address', 500, true),
          { name: 'startDate', type: 'date' },
          { name: 'endDate', type: 'date' },
          text('hostOrganization', 300, true),
          { name: 'isPublic', type: 'boolean' },
          ...timestamps,
        ],
        indices: [
          { name: 'IDX_stages_start_date', columnNames: ['startDate'] },
          {
            name: 'UQ_stages_cohort_sequence',
            columnNames: ['cohortId', 'sequence'],
            isUnique: true,
          },
        ],
        foreignKeys: [restrictedReference('FK_stages_cohort', 'cohortId', 'cohorts')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mentors',
        columns: [
          id,
          text('fullName', 300),
          text('position', 300),
          text('organization', 300),
          { name: 'expertise', type: 'text', isNullable: true },
          text('email', 254),
          text('phone', 32, true),
          text('searchText', 1000),
          ...timestamps,
        ],
        uniques: [new TableUnique({ name: 'UQ_mentors_email', columnNames: ['email'] })],
        indices: [{ name: 'IDX_mentors_full_name', columnNames: ['fullName'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id,
          integer('stageId'),
          text('title', 300),
          { name: 'description', type: 'text', isNullable: true },
          text('type', 20),
          moment('startsAt'),
          moment('endsAt'),
          text('venue', 300, true),
          text('address', 500, true),
          text('onlineUrl', 500, true),
          text('track', 100, true),
          { name: 'isMandatory', type: 'boolean' },
          integer('capacity', true),
          { name: 'speakers', type: 'text' },
          ...timestamps,
        ],
        indices: [{ name: 'IDX_sessions_stage_starts_at', columnNames: ['stageId', 'startsAt'] }],
        foreignKeys: [restrictedReference('FK_sessions_stage', 'stageId', 'stages')],
      }),
    );

    const naming = queryRunner.connection.namingStrategy;
    await queryRunner.createTable(
      new Table({
        name: 'session_mentors',
        columns: [
          { name: 'sessionId', type: 'integer', isPrimary: true },
          { name: 'mentorId', type: 'integer', isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: naming.indexName('session_mentors', ['sessionId']),
            columnNames: ['sessionId'],
          }),
          new TableIndex({
            name: naming.indexName('session_mentors', ['mentorId']),
            columnNames: ['mentorId'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_session_mentors_session',
            columnNames: ['sessionId'],
            referencedTableName: 'sessions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_session_mentors_mentor',
            columnNames: ['mentorId'],
            referencedTableName: 'mentors',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'participants',
        columns: [
          id,
          text('fullName', 300),
          text('position', 300),
          text('municipality', 300),
          text('region', 200),
          text('email', 254),
          text('phone', 32, true),
          text('locale', 10),
          text('searchText', 1000),
          ...timestamps,
        ],
        uniques: [new TableUnique({ name: 'UQ_participants_email', columnNames: ['email'] })],
        indices: [{ name: 'IDX_participants_full_name', columnNames: ['fullName'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'enrollments',
        columns: [
          id,
          integer('cohortId'),
          integer('participantId'),
          text('status', 20),
          moment('enrolledAt'),
          moment('withdrawnAt', true),
        ],
        indices: [
          { name: 'IDX_enrollments_participant', columnNames: ['participantId'] },
          {
            name: 'UQ_enrollments_cohort_participant',
            columnNames: ['cohortId', 'participantId'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          restrictedReference('FK_enrollments_cohort', 'cohortId', 'cohorts'),
          restrictedReference('FK_enrollments_participant', 'participantId', 'participants'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mentor_assignments',
        columns: [id, integer('mentorId'), integer('enrollmentId'), moment('assignedAt')],
        indices: [
          { name: 'IDX_mentor_assignments_enrollment', columnNames: ['enrollmentId'] },
          {
            name: 'UQ_mentor_assignments_mentor_enrollment',
            columnNames: ['mentorId', 'enrollmentId'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          restrictedReference('FK_mentor_assignments_mentor', 'mentorId', 'mentors'),
          restrictedReference('FK_mentor_assignments_enrollment', 'enrollmentId', 'enrollments'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'mentor_assignments',
      'enrollments',
      'participants',
      'session_mentors',
      'sessions',
      'mentors',
      'stages',
      'cohorts',
      'programs',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
