import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
} from 'typeorm';

/**
 * Mentoring meetings: a mentor meets one of its mentees (through the assignment that allows it),
 * at a time in a zone of its own, in a place or online, and logs what was discussed.
 */
export class MentoringMeetings1795485000000 implements MigrationInterface {
  name = 'MentoringMeetings1795485000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    const instant = isPostgres ? 'timestamptz' : 'datetime';
    const now = isPostgres ? 'now()' : "datetime('now')";
    const integer = (name: string): TableColumnOptions => ({ name, type: 'integer' });
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const reference = (name: string, column: string, referencedTable: string) =>
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
        name: 'mentoring_meetings',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          integer('assignmentId'),
          integer('mentorId'),
          integer('participantId'),
          { name: 'startsAt', type: instant },
          { name: 'endsAt', type: instant },
          { name: 'localDate', type: 'date' },
          text('timeZone', 64),
          text('place', 500, true),
          text('onlineUrl', 2000, true),
          text('topic', 300),
          { name: 'notes', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '20', default: "'planned'" },
          { name: 'createdAt', type: instant, default: now },
          { name: 'updatedAt', type: instant, default: now },
        ],
        indices: [
          { name: 'IDX_mentoring_meetings_starts_at', columnNames: ['startsAt'] },
          {
            name: 'IDX_mentoring_meetings_mentor_starts_at',
            columnNames: ['mentorId', 'startsAt'],
          },
          {
            name: 'IDX_mentoring_meetings_participant_starts_at',
            columnNames: ['participantId', 'startsAt'],
          },
          { name: 'IDX_mentoring_meetings_assignment', columnNames: ['assignmentId'] },
        ],
        foreignKeys: [
          reference('FK_mentoring_meetings_assignment', 'assignmentId', 'mentor_assignments'),
          reference('FK_mentoring_meetings_mentor', 'mentorId', 'mentors'),
          reference('FK_mentoring_meetings_participant', 'participantId', 'participants'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mentoring_meetings');
  }
}
