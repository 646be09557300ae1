import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport } from 'nodemailer';
import { Environment } from '../config/environment';

/** One message as it leaves the service. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  /** An iCalendar file, attached as `text/calendar`. */
  calendar: string | null;
  language: string;
}

/** Where messages go: a mail server, or the log when none is configured. */
export abstract class MailChannel {
  abstract readonly name: 'smtp' | 'log';
  abstract send(mail: OutgoingMail): Promise<void>;
  close(): void {}
}

export class SmtpChannel extends MailChannel {
  readonly name = 'smtp';
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    super();
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 4,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      // Sent by a machine: no out-of-office replies (RFC 3834).
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
      attachments: mail.calendar
        ? [
            {
              filename: 'calendar.ics',
              content: mail.calendar,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ]
        : [],
    });
  }

  override close(): void {
    this.transport.close();
  }
}

/** With no mail server, each message is written to the log: the service works out of the box. */
export class LogChannel extends MailChannel {
  readonly name = 'log';
  private readonly logger = new Logger('Mail');

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.log(
      {
        to: mail.to,
        subject: mail.subject,
        messageId: mail.messageId,
        text: mail.text,
        calendar: mail.calendar ? `${mail.calendar.length} characters of text/calendar` : null,
      },
      `Mail to ${mail.to}: ${mail.subject}`,
    );
    return Promise.resolve();
  }
}

export function mailChannelFrom(config: ConfigService<Environment, true>): MailChannel {
  const url = config.get('SMTP_URL', { infer: true });
  return url
    ? new SmtpChannel(
        url,
        config.get('MAIL_FROM', { infer: true }),
        config.get('SMTP_TIMEOUT_MS', { infer: true }),
      )
    : new LogChannel();
}
