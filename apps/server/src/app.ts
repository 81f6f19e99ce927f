// The Glutewake server as a Fastify instance, without listening: tests drive it
// with app.inject(), src/main.ts puts it on a port. It serves the built PWA
// and the API (api/routes.ts) from one process. Invariants: every response
// carries the security headers, and API responses are never cached; files
// come from `webRoot` only (no dotfiles, no directory listings) with the cache
// policy of cache-policy.ts; a navigation to a path with no file gets the app
// shell, anything else missing is a 404 from the error registry; API bodies
// are JSON within size and shape limits, validated strictly (no coercion, no
// silently dropped fields); the process keeps no state between requests
// (everything lives in the database), so several can share one PostgreSQL.
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerRoutes } from './api/register.js';
import { routeTable } from './api/routes.js';
import { prepareDecoy } from './auth/passwords.js';
import type { Services } from './api/services.js';
import { cacheControl, cacheControlFor } from './cache-policy.js';
import { errorBody } from './errors.js';
import { installErrorHandler } from './http/error-handler.js';
import { acceptJsonBodiesOnly } from './http/json-body.js';
import { installOriginCheck } from './http/origin-check.js';
import { securityHeaders, strictTransportSecurity } from './security-headers.js';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings.js';
import { isApiPath, wantsAppShell } from './spa-fallback.js';
import type { Storage } from './storage/types.js';

export interface AppOptions {
  /** The built web app, e.g. apps/web/dist; it must hold an index.html. */
  webRoot: string;
  /** Where everything is kept; the caller opens, migrates and closes it. */
  storage: Storage;
  logger?: boolean;
  /** The clock every handler reads (tests pass one they move by hand). */
  now?: () => number;
  settings?: Partial<ServerSettings>;
  /** Trust X-Forwarded-For/-Proto from the proxy in front (see README). */
  trustProxy?: boolean | string;
  /** Origins besides the server's own that may make state-changing API requests. */
  allowedOrigins?: readonly string[];
}

const appShell = 'index.html';

export function buildApp(options: AppOptions): FastifyInstance {
  const webRoot = resolve(options.webRoot);
  assertIsWebRoot(webRoot);
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const services: Services = {
    storage: options.storage,
    now: options.now ?? Date.now,
    settings,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: settings.apiBodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    ajv: {
      // Strict: a field the schema does not name is an error, never dropped;
      // "5" is not 5; nothing is filled in behind the client's back.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false },
    },
    // A URL that cannot be decoded never reaches the onRequest hook, and the
    // reply's generic types here do not allow code()/send(): answer on the raw response.
    frameworkErrors: (_error, _request, reply) => {
      reply.hijack();
      reply.raw.writeHead(400, {
        ...securityHeaders,
        'cache-control': cacheControl.revalidate,
        'content-type': 'application/json; charset=utf-8',
      });
      reply.raw.end(JSON.stringify(errorBody('bad_request')));
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', strictTransportSecurity);
    }
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
  });

  acceptJsonBodiesOnly(app);
  installErrorHandler(app);
  app.addHook('onReady', prepareDecoy);

  // Registered before the static files so that its onSend hook covers them.
  void app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'] });

  void app.register(fastifyStatic, {
    root: webRoot,
    index: [appShell],
    dotfiles: 'ignore',
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(webPath(webRoot, filePath)));
    },
  });

  void app.register(fastifyCookie);
  // The API in its own context, so its hooks run after the cookie parser's.
  void app.register(async (api) => {
    installOriginCheck(api, services, options.allowedOrigins ?? []);
    registerRoutes(api, routeTable, services);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const candidate = { method: request.method, url: request.url, accept: request.headers.accept };
    if (wantsAppShell(candidate)) {
      return reply.header('cache-control', cacheControl.revalidate).sendFile(appShell);
    }
    const isApi = isApiPath(request.url);
    return reply
      .code(404)
      .header('cache-control', isApi ? 'no-store' : cacheControl.revalidate)
      .send(errorBody('not_found'));
  });

  return app;
}

function webPath(webRoot: string, filePath: string): string {
  return relative(webRoot, filePath).split(sep).join('/');
}

function assertIsWebRoot(webRoot: string): void {
  const indexFile = join(webRoot, appShell);
  if (!statSync(indexFile, { throwIfNoEntry: false })?.isFile()) {
    throw new Error(
      `No web app to serve: ${indexFile} is missing. Build it with \`npm run build -w @glutewake/web\`.`,
    );
  }
}
