import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule, seconds } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../accounts/account.entity';
import { normalizeEmail } from '../common/validation/email';
import { Environment } from '../config/environment';
import { Stage } from '../stages/stage.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, TOKEN_ALGORITHM } from './auth.service';

/** Tokens, the global guard, and login attempts limited per address and per account. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, Stage]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }),
        signOptions: { algorithm: TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const ttl = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
        return {
          errorMessage: 'Too many login attempts; try again later',
          throttlers: [
            {
              name: 'address',
              ttl,
              limit: config.get('LOGIN_ATTEMPTS_PER_ADDRESS', { infer: true }),
            },
            {
              name: 'account',
              ttl,
              limit: config.get('LOGIN_ATTEMPTS_PER_ACCOUNT', { infer: true }),
              getTracker: (request: { body?: { email?: unknown } }) =>
                normalizeEmail(String(request.body?.email ?? '')),
            },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
