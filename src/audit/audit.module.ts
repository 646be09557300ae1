import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';
import { AuditLogService } from './audit-log.service';
import { AuditController } from './audit.controller';
import { AuditSubscriber } from './audit.subscriber';

/** Entries are written by `AuditSubscriber` and `AuditTrail` inside each unit of work. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditTrail, AuditSubscriber, AuditLogService],
  exports: [AuditTrail],
})
export class AuditModule {}
