import { Module } from '@nestjs/common';
import { DatabaseThrottlerStorage } from './database-throttler-storage';

/** Rate limits shared by every instance of the service through the database. */
@Module({ providers: [DatabaseThrottlerStorage], exports: [DatabaseThrottlerStorage] })
export class RateLimitsModule {}
