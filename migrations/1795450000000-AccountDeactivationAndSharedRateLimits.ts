import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Accounts can be deactivated and their tokens revoked (`tokenVersion`); login limits are
 * counted in the database, so that every instance of the service shares them.
 */
export class AccountDeactivationAndSharedRateLimits1795450000000 implements MigrationInterface {
  name = 'AccountDeactivationAndSharedRateLimits1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.addColumns('accounts', [
      new TableColumn({ name: 'tokenVersion', type: 'integer', default: 0 }),
      new TableColumn({
        name: 'deactivatedAt',
        type: isPostgres ? 'timestamptz' : 'datetime',
        isNullable: true,
      }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_windows',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'hits', type: 'integer' },
          { name: 'endsAt', type: 'bigint' },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_windows');
    await queryRunner.dropColumn('accounts', 'deactivatedAt');
    await queryRunner.dropColumn('accounts', 'tokenVersion');
  }
}
