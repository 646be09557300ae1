import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Environment } from '../config/environment';
import { NotificationScheduler } from './notification-scheduler';

const JOB = 'notifications';

/**
 * Runs the scheduler every NOTIFICATIONS_INTERVAL_SECONDS in this instance (0: never). A run
 * still going when the next is due is not doubled; shutting down waits for it.
 */
@Injectable()
export class NotificationsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsJob.name);
  private running: Promise<void> | null = null;

  constructor(
    private readonly scheduler: NotificationScheduler,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.get('NOTIFICATIONS_INTERVAL_SECONDS', { infer: true });
    if (seconds > 0) {
      this.registry.addInterval(
        JOB,
        setInterval(() => void this.run(), seconds * 1000),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', JOB)) {
      this.registry.deleteInterval(JOB);
    }
    await this.running;
  }

  private run(): Promise<void> {
    this.running ??= this.scheduler
      .tick()
      .then((outcome) => {
        if (outcome.found + outcome.sent + outcome.failed + outcome.skipped > 0) {
          this.logger.log(outcome, 'Notifications run');
        }
      })
      .catch((error: unknown) => this.logger.error(error, 'Notifications run failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
