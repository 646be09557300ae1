import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableColumnOptions,
  TableForeignKey,
} from 'typeorm';

/**
 * Published agendas: numbered versions of each stage's agenda with their changes, the sessions
 * of the latest version (what participants, mentors, schedules and calendars read), a session's
 * cancelled status, and personal calendar feeds at secret links.
 */
export class PublishedAgendasAndFeeds1795470000000 implements MigrationInterface {
  name = 'PublishedAgendasAndFeeds1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    const instant = isPostgres ? 'timestamptz' : 'datetime';
    const now = isPostgres ? 'now()' : "datetime('now')";
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
    const moment = (name: string): TableColumnOptions => ({ name, type: instant });
    const json = (name: string): TableColumnOptions => ({ name, type: 'text' });
    const reference = (
      name: string,
      column: string,
      referencedTable: string,
      referencedColumn = 'id',
      onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE',
    ): TableForeignKey =>
      new TableForeignKey({
        name,
        columnNames: [column],
        referencedTableName: referencedTable,
        referencedColumnNames: [referencedColumn],
        onDelete,
        onUpdate: 'NO ACTION',
      });

    await queryRunner.addColumn(
      'sessions',
      new TableColumn({
        name: 'status',
        type: 'varchar',
        length: '20',
        default: "'scheduled'",
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agenda_versions',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          integer('stageId'),
          integer('number'),
          moment('publishedAt'),
          integer('publishedBy', true),
          json('stage'),
          json('sessions'),
          json('changes'),
        ],
        indices: [
          {
            name: 'UQ_agenda_versions_stage_number',
            columnNames: ['stageId', 'number'],
            isUnique: true,
          },
        ],
        foreignKeys: [reference('FK_agenda_versions_stage', 'stageId', 'stages', 'id', 'RESTRICT')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'published_sessions',
        columns: [
          { name: 'sessionId', type: 'integer', isPrimary: true },
          integer('stageId'),
          integer('version'),
          integer('sequence'),
          moment('publishedAt'),
          text('stageTitle', 300),
          text('city', 200),
          text('timeZone', 64),
          { name: 'localDate', type: 'date' },
          text('title', 300),
          { name: 'description', type: 'text', isNullable: true },
          text('type', 20),
          text('status', 20),
          moment('startsAt'),
          moment('endsAt'),
          text('venue', 300, true),
          text('address', 500, true),
          text('onlineUrl', 500, true),
          text('track', 100, true),
          { name: 'isMandatory', type: 'boolean' },
          integer('capacity', true),
          json('speakers'),
          json('mentors'),
        ],
        indices: [
          { name: 'IDX_published_sessions_stage_starts_at', columnNames: ['stageId', 'startsAt'] },
        ],
        foreignKeys: [
          reference('FK_published_sessions_stage', 'stageId', 'stages', 'id', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'published_session_mentors',
        columns: [
          { name: 'sessionId', type: 'integer', isPrimary: true },
          { name: 'mentorId', type: 'integer', isPrimary: true },
        ],
        indices: [{ name: 'IDX_published_session_mentors_mentor', columnNames: ['mentorId'] }],
        foreignKeys: [
          reference(
            'FK_published_session_mentors_session',
            'sessionId',
            'published_sessions',
            'sessionId',
          ),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'calendar_feeds',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          integer('participantId', true),
          integer('mentorId', true),
          text('token', 64),
          integer('alarmMinutesBefore', true),
          text('contentTag', 64, true),
          { name: 'contentChangedAt', type: instant, isNullable: true },
          { name: 'createdAt', type: instant, default: now },
          { name: 'updatedAt', type: instant, default: now },
        ],
        indices: [
          { name: 'UQ_calendar_feeds_participant', columnNames: ['participantId'], isUnique: true },
          { name: 'UQ_calendar_feeds_mentor', columnNames: ['mentorId'], isUnique: true },
          { name: 'UQ_calendar_feeds_token', columnNames: ['token'], isUnique: true },
        ],
        checks: [
          {
            name: 'CHK_calendar_feeds_one_owner',
            expression: '("participantId" IS NULL) <> ("mentorId" IS NULL)',
          },
        ],
        foreignKeys: [
          reference('FK_calendar_feeds_participant', 'participantId', 'participants'),
          reference('FK_calendar_feeds_mentor', 'mentorId', 'mentors'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_feeds');
    await queryRunner.dropTable('published_session_mentors');
    await queryRunner.dropTable('published_sessions');
    await queryRunner.dropTable('agenda_versions');
    await queryRunner.dropColumn('sessions', 'status');
  }
}
