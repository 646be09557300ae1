import { ConfigService } from '@nestjs/config';
import { Params } from 'nestjs-pino';
import { Environment } from './environment';

/**
 * One line per request: method, path, status and duration. Headers, bodies and query strings
 * are left out so that tokens, passwords and personal data never reach the log. JSON lines in
 * production (for a log collector), readable lines for a person in development.
 */
export function loggingOptions(config: ConfigService<Environment, true>): Params {
  return {
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
      transport:
        config.get('NODE_ENV') === 'development'
          ? {
              target: 'pino-pretty',
              options: {
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss',
                // The message already says method, path, status and duration.
                ignore: 'pid,hostname,reqId,req,res,durationMs',
              },
            }
          : undefined,
      quietReqLogger: true,
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customSuccessMessage: (req, res, responseTime) =>
        `${req.method} ${req.url?.split('?')[0]} ${res.statusCode} ${Math.round(responseTime)}ms`,
      customErrorMessage: (req, res) => `${req.method} ${req.url?.split('?')[0]} ${res.statusCode}`,
      customAttributeKeys: { responseTime: 'durationMs' },
    },
  };
}
