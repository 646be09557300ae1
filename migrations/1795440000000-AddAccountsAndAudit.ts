import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKey,
  TableIndex,
  TableUnique,
} from 'typeorm';

/** Accounts with roles, invitations, stage hosts and the audit log of every write. */
export class AddAccountsAndAudit1795440000000 implements MigrationInterface {
  name = 'AddAccountsAndAudit1795440000000';

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
    const reference = (
      name: string,
      column: string,
      referencedTableName: string,
      onDelete: 'RESTRICT' | 'CASCADE',
    ) =>
      new TableForeignKey({
        name,
        columnNames: [column],
        referencedTableName,
        referencedColumnNames: ['id'],
        onDelete,
        onUpdate: onDelete === 'CASCADE' ? 'CASCADE' : 'NO ACTION',
      });

    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          id,
          text('email', 254),
          text('fullName', 300),
          text('role', 20),
          text('passwordHash', 255, true),
          { name: 'participantId', type: 'integer', isNullable: true },
          { name: 'mentorId', type: 'integer', isNullable: true },
          { name: 'createdAt', type: instant, default: now },
          { name: 'updatedAt', type: instant, default: now },
        ],
        uniques: [new TableUnique({ name: 'UQ_accounts_email', columnNames: ['email'] })],
        indices: [
          { name: 'UQ_accounts_participant', columnNames: ['participantId'], isUnique: true },
          { name: 'UQ_accounts_mentor', columnNames: ['mentorId'], isUnique: true },
        ],
        foreignKeys: [
          reference('FK_accounts_participant', 'participantId', 'participants', 'RESTRICT'),
          reference('FK_accounts_mentor', 'mentorId', 'mentors', 'RESTRICT'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          id,
          { name: 'accountId', type: 'integer' },
          text('tokenHash', 64),
          { name: 'expiresAt', type: instant },
          { name: 'acceptedAt', type: instant, isNullable: true },
          { name: 'invitedById', type: 'integer', isNullable: true },
          { name: 'createdAt', type: instant, default: now },
        ],
        uniques: [
          new TableUnique({ name: 'UQ_invitations_token_hash', columnNames: ['tokenHash'] }),
        ],
        indices: [{ name: 'IDX_invitations_account', columnNames: ['accountId'] }],
        foreignKeys: [reference('FK_invitations_account', 'accountId', 'accounts', 'RESTRICT')],
      }),
    );

    const naming = queryRunner.connection.namingStrategy;
    await queryRunner.createTable(
      new Table({
        name: 'stage_hosts',
        columns: [
          { name: 'stageId', type: 'integer', isPrimary: true },
          { name: 'accountId', type: 'integer', isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: naming.indexName('stage_hosts', ['stageId']),
            columnNames: ['stageId'],
          }),
          new TableIndex({
            name: naming.indexName('stage_hosts', ['accountId']),
            columnNames: ['accountId'],
          }),
        ],
        foreignKeys: [
          reference('FK_stage_hosts_stage', 'stageId', 'stages', 'CASCADE'),
          reference('FK_stage_hosts_account', 'accountId', 'accounts', 'CASCADE'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id,
          { name: 'actorId', type: 'integer', isNullable: true },
          text('action', 10),
          text('entity', 50),
          text('entityId', 50),
          { name: 'changes', type: 'text' },
          { name: 'at', type: instant },
        ],
        indices: [
          { name: 'IDX_audit_entries_actor', columnNames: ['actorId'] },
          { name: 'IDX_audit_entries_entity', columnNames: ['entity', 'entityId'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_entries', 'stage_hosts', 'invitations', 'accounts']) {
      await queryRunner.dropTable(table);
    }
  }
}
