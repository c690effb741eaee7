/** The process logger: pino JSON lines; secrets are redacted wherever they might appear. */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'headers.authorization',
        '*.headers.authorization',
        'apiKey',
        '*.apiKey',
        'authToken',
        '*.authToken',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
