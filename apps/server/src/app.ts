// The Glutewake server as a Fastify instance, without listening: tests drive it
// with app.inject(), src/main.ts puts it on a port. Invariants: every response
// carries the security headers; files come from `webRoot` only (no dotfiles, no
// directory listings) with the cache policy of cache-policy.ts; a navigation
// to a path with no file gets the app shell, anything else missing is a 404.
import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { cacheControl, cacheControlFor } from './cache-policy.js';
import { securityHeaders } from './security-headers.js';
import { wantsAppShell } from './spa-fallback.js';

export interface AppOptions {
  /** The built web app, e.g. apps/web/dist; it must hold an index.html. */
  webRoot: string;
  logger?: boolean;
}

const appShell = 'index.html';

export function buildApp(options: AppOptions): FastifyInstance {
  const webRoot = resolve(options.webRoot);
  assertIsWebRoot(webRoot);
  const logger = options.logger ?? false;
  const app = Fastify({
    logger,
    // A URL that cannot be decoded never reaches the onRequest hook, and the
    // reply's generic types here do not allow code()/send(): answer on the raw response.
    frameworkErrors: (error, _request, reply) => {
      reply.hijack();
      reply.raw.writeHead(400, {
        ...securityHeaders,
        'cache-control': cacheControl.revalidate,
        'content-type': 'application/json; charset=utf-8',
      });
      reply.raw.end(
        JSON.stringify({ statusCode: 400, error: 'Bad Request', message: error.message }),
      );
    },
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });

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

  app.setNotFoundHandler(async (request, reply) => {
    const candidate = { method: request.method, url: request.url, accept: request.headers.accept };
    if (wantsAppShell(candidate)) {
      return reply.header('cache-control', cacheControl.revalidate).sendFile(appShell);
    }
    return reply
      .code(404)
      .header('cache-control', cacheControl.revalidate)
      .send({ statusCode: 404, error: 'Not Found', message: 'Not found' });
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
