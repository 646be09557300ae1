import '../config/load-env-file';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { seedDemo } from './demo-seeder';

/**
 * `npm run seed:demo`: loads the demo data into the configured database (migrated on start).
 * Safe to run again: what is already there is left as it is.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('DemoData');
  try {
    const summary = await seedDemo(app);
    const created = Object.values(summary.created).reduce((sum, count) => sum + count, 0);
    const existing = Object.values(summary.existing).reduce((sum, count) => sum + count, 0);
    logger.log(`Demo data ready: ${created} items created, ${existing} already there`);
  } catch (error) {
    logger.error(
      `Demo data not loaded: ${error instanceof Error ? error.message : String(error)}`,
      error instanceof Error ? error.stack : undefined,
    );
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main();
