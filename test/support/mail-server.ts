import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server inside the test process; what it accepts is parsed back. */
export interface MailServer {
  url: string;
  received: ParsedMail[];
  /** Refuses the next `count` messages to these addresses with a temporary error (451). */
  refuse: (addresses: string[], count: number) => void;
  /** Makes every message wait this long before it is accepted (a slow mail server). */
  delay: (ms: number) => void;
  close: () => Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const received: ParsedMail[] = [];
  let refusals = { addresses: new Set<string>(), count: 0 };
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          const address = to?.value[0]?.address ?? '';
          if (refusals.count > 0 && refusals.addresses.has(address)) {
            refusals.count -= 1;
            const error = new Error('Mailbox busy, try again later') as Error & {
              responseCode: number;
            };
            error.responseCode = 451;
            callback(error);
            return;
          }
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    delay: (ms) => {
      delayMs = ms;
    },
    refuse: (addresses, count) => {
      refusals = { addresses: new Set(addresses), count };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
