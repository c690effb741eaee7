/** The Redis tests talk to: TEST_REDIS_URL, or the local one; required when REQUIRE_REDIS=1. */
import { Redis } from 'ioredis';

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const redisRequired = process.env.REQUIRE_REDIS === '1';

async function probeRedis(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.quit();
    return true;
  } catch {
    probe.disconnect();
    return false;
  }
}

/** Whether Redis suites run; throws when Redis is required but cannot be reached. */
export async function redisAvailable(): Promise<boolean> {
  const reachable = await probeRedis(testRedisUrl);
  if (!reachable && redisRequired) {
    throw new Error(`REQUIRE_REDIS=1 but ${testRedisUrl} cannot be reached`);
  }
  return reachable;
}
