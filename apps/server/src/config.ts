// Server configuration from the environment. Invariants: PORT is an integer in
// 0..65535 (default 8080; 0 picks a free port), HOST defaults to every
// interface, WEB_ROOT defaults to apps/web/dist beside this package;
// DATABASE_URL chooses the database: postgres:// (or postgresql://) for
// PostgreSQL, sqlite:<path> for a SQLite file, and by default the SQLite file
// ./data/glutewake.sqlite under the working directory. TRUST_PROXY says whom
// to believe about the client's address and protocol; ALLOWED_ORIGINS names
// other origins that may make state-changing requests. A bad value is an error
// naming the variable, never a silent default.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from './db/open.js';

export interface ServerConfig {
  port: number;
  host: string;
  webRoot: string;
  database: DatabaseConfig;
  /** false, true (any proxy), or a list of addresses/CIDRs as Fastify reads it. */
  trustProxy: boolean | string;
  /** Origins besides the server's own that may make state-changing API requests. */
  allowedOrigins: string[];
}

const defaultPort = 8080;
const defaultHost = '0.0.0.0';
// dist/config.js -> apps/server -> apps/web/dist
const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const DEFAULT_SQLITE_PATH = 'data/glutewake.sqlite';

export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  workingDirectory = process.cwd(),
): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: nonEmpty(env.HOST) ?? defaultHost,
    webRoot: nonEmpty(env.WEB_ROOT) ?? defaultWebRoot,
    database: parseDatabaseUrl(nonEmpty(env.DATABASE_URL), workingDirectory, env.PG_POOL_SIZE),
    trustProxy: parseTrustProxy(nonEmpty(env.TRUST_PROXY)),
    allowedOrigins: parseAllowedOrigins(nonEmpty(env.ALLOWED_ORIGINS)),
  };
}

/** "https://a.example, https://b.example": each must be an origin alone (no path). */
function parseAllowedOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(',').map((text) => {
    const trimmed = text.trim();
    let origin: string | null;
    try {
      origin = new URL(trimmed).origin;
    } catch {
      origin = null;
    }
    if (origin === null || origin === 'null' || origin !== trimmed.replace(/\/$/, '')) {
      throw new Error(
        `ALLOWED_ORIGINS must be origins like https://clinic.example separated by commas, got "${trimmed}".`,
      );
    }
    return origin;
  });
}

function parsePort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return defaultPort;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${text}".`);
  }
  return port;
}

function parseDatabaseUrl(
  url: string | undefined,
  workingDirectory: string,
  poolSizeText: string | undefined,
): DatabaseConfig {
  if (url === undefined) {
    return { kind: 'sqlite', path: resolve(workingDirectory, DEFAULT_SQLITE_PATH) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const poolSize = nonEmpty(poolSizeText);
    if (poolSize !== undefined && !/^[1-9]\d{0,3}$/.test(poolSize)) {
      throw new Error(`PG_POOL_SIZE must be a whole number from 1 to 9999, got "${poolSize}".`);
    }
    return {
      kind: 'postgres',
      url,
      ...(poolSize === undefined ? {} : { poolSize: Number(poolSize) }),
    };
  }
  const sqlitePath = /^(sqlite|file):(.+)$/.exec(url)?.[2];
  if (sqlitePath !== undefined) {
    return { kind: 'sqlite', path: resolve(workingDirectory, sqlitePath.replace(/^\/\//, '')) };
  }
  throw new Error(
    'DATABASE_URL must start with postgres:// (PostgreSQL) or sqlite: (a SQLite file), ' +
      `got "${url.slice(0, 12)}...".`,
  );
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (!/^[0-9a-fA-F.:/,\s]+$/.test(value)) {
    throw new Error(
      'TRUST_PROXY must be true, false, or addresses/CIDRs separated by commas ' +
        `(like 10.0.0.0/8), got "${value}".`,
    );
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The address to show a person: a wildcard host is reachable as localhost. */
export function displayUrl(host: string, port: number): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const bracketed = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return `http://${bracketed}:${port}`;
}
