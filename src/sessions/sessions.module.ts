import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mentor } from '../mentors/mentor.entity';
import { Stage } from '../stages/stage.entity';
import { Session } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Session, Stage, Mentor])],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
