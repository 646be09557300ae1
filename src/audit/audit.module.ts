import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';
import { AuditController } from './audit.controller';
import { AuditSubscriber } from './audit.subscriber';

/** Entries are written by `AuditSubscriber` and `AuditTrail` inside each unit of work. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditTrail, AuditSubscriber],
  exports: [AuditTrail],
})
export class AuditModule {}
