import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { TimeModule } from './common/time/time.module';
import { validateEnvironment } from './config/environment';
import { loggingOptions } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ProgramsModule } from './programs/programs.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
    LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: loggingOptions }),
    DatabaseModule,
    TimeModule,
    HealthModule,
    ProgramsModule,
  ],
})
export class AppModule {}
