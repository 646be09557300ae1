import { ConfigService } from '@nestjs/config';
import { Params } from 'nestjs-pino';
import { Environment } from './environment';

/**
 * One JSON line per request: method, path, status and duration. Headers, bodies and query
 * strings are left out so that tokens, passwords and personal data never reach the log.
 */
export function loggingOptions(config: ConfigService<Environment, true>): Params {
  return {
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
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
