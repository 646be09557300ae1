import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/time/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { NotificationSender, SendOutcome } from './notification-sender';
import { Outbox } from './outbox';
import { NOTIFICATION_FINDERS, NotificationFinder } from './rules/notification-finder';

export interface TickOutcome extends SendOutcome {
  /** Messages found due and written to the outbox by this run. */
  found: number;
}

/**
 * One run of the notifications job: every rule writes what is due to the outbox, then the
 * sender delivers what is due. Safe to run in every instance at once.
 */
@Injectable()
export class NotificationScheduler {
  private readonly logger = new Logger(NotificationScheduler.name);

  constructor(
    @Inject(NOTIFICATION_FINDERS) private readonly finders: NotificationFinder[],
    private readonly outbox: Outbox,
    private readonly sender: NotificationSender,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async tick(): Promise<TickOutcome> {
    const found = await this.findDue();
    return { found, ...(await this.sender.sendDue()) };
  }

  /** Writes what every rule finds due now; one rule failing does not stop the others. */
  async findDue(): Promise<number> {
    const now = this.clock.now();
    let found = 0;
    for (const finder of this.finders) {
      try {
        const work = await finder.findDue(now);
        if (work.drafts.length === 0 && !work.alsoInUnit) {
          continue;
        }
        await this.unit.run(async (manager) => {
          await this.outbox.enqueue(manager, work.drafts);
          await work.alsoInUnit?.(manager);
        });
        found += work.drafts.length;
      } catch (error) {
        this.logger.error(error, `The ${finder.rule} rule failed; the next run tries again`);
      }
    }
    return found;
  }
}
