/** Process entry: configuration, database, first-start reseller, HTTP server, clean shutdown. */
import { createApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createReseller } from './domain/account/service.js';
import { createLogger } from './logger.js';
import { resolveSecretsKey } from './secrets.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Invalid configuration: ${error.message}\n`);
    process.exit(1);
  }
}

async function start(loaded: Config): Promise<App> {
  const config: Config = { ...loaded, secretsKey: resolveSecretsKey(loaded, log) };
  const app = await createApp({ config, log });

  if ((await app.db.reseller.count()) === 0) {
    const first = await createReseller(app.db, 'First reseller');
    log.info(
      { resellerId: first.resellerId, key: first.apiKey },
      'First start: created a reseller. Its API key is printed only this once; keep it safe.',
    );
  }

  const url = await app.listen();
  log.info(
    { url, database: config.database.provider, redis: Boolean(config.redisUrl) },
    'listening',
  );
  return app;
}

const loaded = configOrExit();
const log = createLogger(loaded.logLevel);
const app = await start(loaded).catch((error: unknown) => {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  log.fatal({ err: error }, `could not start: ${reason}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining in-flight requests');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
