import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable the service reads; `.env.example` documents each with its default. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL (leave it empty to use SQLite)',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'DATABASE_SCHEMA must be a lower-case PostgreSQL identifier',
  })
  DATABASE_SCHEMA?: string;

  @IsString()
  SQLITE_PATH: string = 'data/mayors-school.sqlite';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SQLITE_BUSY_TIMEOUT_MS: number = 5000;

  /** The largest request body: bytes, or a size such as `500kb` or `1mb`. */
  @Matches(/^\d+(b|kb|mb)?$/i, { message: 'BODY_LIMIT must be a size such as 1mb, 500kb or 20000' })
  BODY_LIMIT: string = '1mb';

  /** Read-only SQLite connections that serve reads beside the one writer (0: reads queue too). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(16)
  SQLITE_READ_CONNECTIONS: number = 2;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Signs access tokens (HS256). Required in production; elsewhere a random one per start. */
  @IsOptional()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS: number = 900;

  /** How long a sign-in on the web pages lasts (the session cookie). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_TTL_HOURS: number = 12;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS: number = 72;

  /** Where people open the service; invitation links start with it. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL: string = 'http://localhost:3000';

  /** The first organizer, created on a start when no organizer exists. */
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters long' })
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed to call the API from a browser; empty: none. */
  @IsString()
  CORS_ORIGINS: string = '';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ADDRESS: number = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT: number = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ACCOUNT: number = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS: number = 60;

  /** Where mail goes: smtp://user:password@host:587 or smtps://...; empty: messages go to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every message, e.g. `Школа мэров <no-reply@example.ru>`. */
  @IsString()
  @MinLength(3)
  MAIL_FROM: string = 'Школа мэров <no-reply@localhost>';

  /** How long a mail server may take to answer before the attempt counts as failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SMTP_TIMEOUT_MS: number = 20000;

  /** Seconds between two runs of the notifications job in this instance; 0: it does not run. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  NOTIFICATIONS_INTERVAL_SECONDS: number = 30;

  /** Attempts to deliver a message before it is marked failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFICATION_MAX_ATTEMPTS: number = 6;

  /** The wait after a first failed attempt; it doubles with each further one. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETRY_SECONDS: number = 60;

  /** How long a sender holds what it claimed; after that another may take it over. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  NOTIFICATION_LEASE_SECONDS: number = 120;

  /** After downtime, reminders owed up to this many hours ago are still looked for. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  NOTIFICATION_CATCH_UP_HOURS: number = 12;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES: number = 60;

  /** Behind a load balancer: how many proxies to trust for the client address (0: none). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  TRUST_PROXY_HOPS: number = 0;
}

/** Validates `process.env` at start; a bad value stops the service naming the variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, present);
  const problems = validateSync(environment).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
  if (environment.NODE_ENV === 'production' && !environment.JWT_SECRET) {
    problems.push('JWT_SECRET is required in production');
  }
  if (Boolean(environment.ADMIN_EMAIL) !== Boolean(environment.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD are set together');
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  environment.JWT_SECRET ??= usesPostgres(environment)
    ? randomBytes(32).toString('hex')
    : secretBeside(environment.SQLITE_PATH);
  return environment;
}

/**
 * The signing secret of an installation on SQLite that set none: made once and kept beside its
 * database, so that a restart does not sign everyone out.
 */
function secretBeside(databasePath: string): string {
  const file = join(dirname(databasePath), '.jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written whole under another name, then linked in place: a process starting at the same
    // moment reads either no file or the whole secret, and the first link wins.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return readFileSync(file, 'utf8').trim();
}

export function usesPostgres(environment: { DATABASE_URL?: string }): boolean {
  return Boolean(environment.DATABASE_URL);
}
