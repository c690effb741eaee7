/**
 * Prisma's schema engine compiled to WebAssembly. It migrates through a driver adapter, so no
 * native engine has to be downloaded. Its glue imports the .wasm as an ES module, which Node
 * cannot, so the module is instantiated here and handed to the glue.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { AdapterFactory } from './adapter.js';

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return loaded;
}

export interface EngineSession {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens the engine on a database; `datamodel` is the provider's schema.prisma text. */
export async function openSchemaEngine(
  adapter: AdapterFactory,
  datamodel: { path: string; content: string },
  log: (message: string) => void = () => undefined,
): Promise<EngineSession> {
  await loadWasm();
  const connections = tracked(adapter);
  const bound = bindMigrationAwareSqlAdapterFactory(connections.factory);
  const engine = await explained(bound, () =>
    glue.SchemaEngine.new({ datamodels: [[datamodel.path, datamodel.content]] }, log, bound),
  );
  return {
    engine: explainedEngine(engine, bound),
    close: async () => {
      engine.free();
      await connections.disposeAll();
    },
  };
}

/**
 * The engine does not close the connections it opens, and on SQLite it holds an exclusive
 * lock on them, so they are recorded here and disposed of when the session closes.
 */
function tracked(adapter: AdapterFactory) {
  const open: SqlDriverAdapter[] = [];
  const record = async (connect: () => Promise<SqlDriverAdapter>) => {
    const connection = await connect();
    open.push(connection);
    return connection;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => record(() => adapter.connect()),
    connectToShadowDb: () => record(() => adapter.connectToShadowDb()),
  };
  const disposeAll = async () => {
    await Promise.all(open.splice(0).map((connection) => connection.dispose()));
  };
  return { factory, disposeAll };
}

type Bound = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

/** The engine reports driver failures as "External error id#N"; put the driver's error back. */
async function explained<T>(bound: Bound, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const id = /External error id#(\d+)/.exec(String(error))?.[1];
    const cause = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id));
    if (cause && 'error' in cause) throw cause.error instanceof Error ? cause.error : error;
    throw error;
  }
}

function explainedEngine(engine: SchemaEngine, bound: Bound): SchemaEngine {
  return new Proxy(engine, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        explained(bound, () => Promise.resolve(value.apply(target, args) as unknown));
    },
  });
}
