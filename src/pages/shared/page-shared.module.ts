import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthModule } from '../../auth/auth.module';
import { Environment } from '../../config/environment';
import { csrfProtection } from './csrf';
import { CSRF, PAGE_OPTIONS, PageOptions } from './page-options';
import { PageGuard } from './page-context';

/** What every page module needs: the sign-in of pages, CSRF tokens, the page options. */
@Module({
  imports: [AuthModule],
  providers: [
    PageGuard,
    {
      provide: PAGE_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): PageOptions => ({
        production: config.get('NODE_ENV', { infer: true }) === 'production',
        sessionTtlHours: config.get('SESSION_TTL_HOURS', { infer: true }),
      }),
    },
    {
      provide: CSRF,
      inject: [ConfigService, PAGE_OPTIONS],
      useFactory: (config: ConfigService<Environment, true>, options: PageOptions) =>
        csrfProtection(config.get('JWT_SECRET', { infer: true })!, options.production),
    },
  ],
  exports: [AuthModule, PageGuard, PAGE_OPTIONS, CSRF],
})
export class PageSharedModule {}
