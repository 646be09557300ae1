import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/**
 * Notifications: the outbox (one row per message owed to one recipient, unique by rule,
 * subject, recipient and version), what each account wants to be reminded of, each program's
 * reminder rules, and password-reset links beside invitations.
 */
export class Notifications1795490000000 implements MigrationInterface {
  name = 'Notifications1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    const instant = isPostgres ? 'timestamptz' : 'datetime';
    const yes = isPostgres ? 'true' : '1';
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

    for (const column of [
      `"announcementDaysBefore" integer DEFAULT 3`,
      `"sessionReminderMinutes" integer DEFAULT 30`,
      `"meetingReminderMinutes" integer DEFAULT 60`,
      `"eveningDigestAt" varchar(5) DEFAULT '19:00'`,
    ]) {
      await queryRunner.query(`ALTER TABLE "programs" ADD COLUMN ${column}`);
    }
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD COLUMN "purpose" varchar(20) NOT NULL DEFAULT 'invitation'`,
    );

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          text('rule', 40),
          text('subjectKey', 100),
          text('recipientKey', 60),
          text('version', 60),
          text('email', 254),
          text('locale', 5),
          text('subject', 500),
          { name: 'body', type: 'text' },
          { name: 'calendar', type: 'text', isNullable: true },
          text('secret', 1000, true),
          text('messageId', 200),
          text('status', 20),
          moment('dueAt'),
          moment('expiresAt', true),
          { name: 'attempts', type: 'integer', default: 0 },
          moment('nextAttemptAt'),
          moment('leaseUntil', true),
          text('claimToken', 40, true),
          text('channel', 10, true),
          text('lastError', 1000, true),
          text('reason', 500, true),
          moment('sentAt', true),
          moment('createdAt'),
        ],
        indices: [
          {
            name: 'UQ_notifications_key',
            columnNames: ['rule', 'subjectKey', 'recipientKey', 'version'],
            isUnique: true,
          },
          { name: 'IDX_notifications_due', columnNames: ['status', 'nextAttemptAt'] },
          { name: 'IDX_notifications_status_id', columnNames: ['status', 'id'] },
          { name: 'IDX_notifications_rule_id', columnNames: ['rule', 'id'] },
          { name: 'IDX_notifications_recipient', columnNames: ['recipientKey', 'id'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'accountId', type: 'integer', isPrimary: true },
          { name: 'sessionReminders', type: 'boolean', default: yes },
          { name: 'eveningDigest', type: 'boolean', default: yes },
          { name: 'meetingReminders', type: 'boolean', default: yes },
          text('locale', 5, true),
          moment('updatedAt'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_notification_preferences_account',
            columnNames: ['accountId'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    // The scheduler looks for sessions about to start across every stage, and for warnings
    // nobody has been told of yet.
    await queryRunner.createIndex(
      'published_sessions',
      new TableIndex({ name: 'IDX_published_sessions_starts_at', columnNames: ['startsAt'] }),
    );
    await queryRunner.createIndex(
      'attendance_warnings',
      new TableIndex({ name: 'IDX_attendance_warnings_notified_at', columnNames: ['notifiedAt'] }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('attendance_warnings', 'IDX_attendance_warnings_notified_at');
    await queryRunner.dropIndex('published_sessions', 'IDX_published_sessions_starts_at');
    await queryRunner.dropTable('notification_preferences');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropColumn('invitations', 'purpose');
    for (const column of [
      'eveningDigestAt',
      'meetingReminderMinutes',
      'sessionReminderMinutes',
      'announcementDaysBefore',
    ]) {
      await queryRunner.dropColumn('programs', column);
    }
  }
}
