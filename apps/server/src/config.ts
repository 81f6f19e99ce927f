// Server configuration from the environment. Invariants: PORT is an integer in
// 0..65535 (default 8080; 0 picks a free port), HOST defaults to every
// interface, and WEB_ROOT defaults to apps/web/dist beside this package; a bad
// value is an error naming the variable, never a silent default.
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  webRoot: string;
}

const defaultPort = 8080;
const defaultHost = '0.0.0.0';
// dist/config.js -> apps/server -> apps/web/dist
const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function configFromEnv(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  return {
    port: parsePort(env.PORT),
    host: nonEmpty(env.HOST) ?? defaultHost,
    webRoot: nonEmpty(env.WEB_ROOT) ?? defaultWebRoot,
  };
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
