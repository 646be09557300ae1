import { Module } from '@nestjs/common';
import { AttendanceEvidence } from './attendance-evidence.service';

/** What sessions and stages ask before they are deleted; depends on neither. */
@Module({ providers: [AttendanceEvidence], exports: [AttendanceEvidence] })
export class AttendanceEvidenceModule {}
