import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule, ThrottlerModuleOptions, seconds } from '@nestjs/throttler';
import { DatabaseThrottlerStorage } from '../rate-limits/database-throttler-storage';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../accounts/account.entity';
import { normalizeEmail } from '../common/validation/email';
import { Environment } from '../config/environment';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, TOKEN_ALGORITHM } from './auth.service';
import { TokenVerifier } from './token-verifier';

/** What the limits read of a request: its client address and the email it signs in with. */
type TrackedRequest = Record<string, unknown> & { ip?: string; body?: { email?: unknown } };

/** Tokens, the global guard, and login attempts limited per address and per account. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        // A key object, not a string: jsonwebtoken would otherwise try to parse the string as a
        // public key on every verification, the costliest step of an authenticated request.
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }))),
        signOptions: { algorithm: TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [RateLimitsModule],
      inject: [ConfigService, DatabaseThrottlerStorage],
      useFactory: (
        config: ConfigService<Environment, true>,
        storage: DatabaseThrottlerStorage,
      ): ThrottlerModuleOptions => {
        const ttl = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
        const address = (request: TrackedRequest) => request.ip ?? '';
        const account = (request: TrackedRequest) =>
          normalizeEmail(String(request.body?.email ?? ''));
        return {
          storage,
          errorMessage: 'Too many attempts; try again later',
          throttlers: [
            {
              name: 'address',
              ttl,
              limit: config.get('LOGIN_ATTEMPTS_PER_ADDRESS', { infer: true }),
            },
            {
              // Guessing one account's password from one address: the tight limit.
              name: 'addressAndAccount',
              ttl,
              limit: config.get('LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT', { infer: true }),
              getTracker: (request: TrackedRequest) => `${address(request)} ${account(request)}`,
            },
            {
              // From many addresses: looser, so that others' guesses alone do not lock the owner out.
              name: 'account',
              ttl,
              limit: config.get('LOGIN_ATTEMPTS_PER_ACCOUNT', { infer: true }),
              getTracker: account,
            },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, TokenVerifier],
})
export class AuthModule {}
