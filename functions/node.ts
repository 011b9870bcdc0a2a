/**
 * Node entry: serves the built site (dist/) and the form handlers on one port.
 * `npm start` builds then runs this; tests call startServer() on a free port.
 */
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServerOptions = { port?: number; host?: string; distDir?: string };
export type RunningServer = { url: string; close: () => Promise<void> };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function createNodeApp({ distDir = path.join(projectRoot, 'dist') }: ServerOptions = {}) {
  const app = new Hono();
  app.use(compress());
  app.use('*', serveStatic({ root: path.relative(process.cwd(), distDir) || '.' }));
  const notFoundPage = (() => {
    try {
      return readFileSync(path.join(distDir, '404.html'), 'utf8');
    } catch {
      return '<!doctype html><html lang="fr"><title>Page introuvable</title><p>Page introuvable.</p></html>';
    }
  })();
  app.notFound((c) => c.html(notFoundPage, 404));
  return app;
}

export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const app = createNodeApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 4321);
  const running = await startServer({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Site servi sur ${running.url}/ (arrêt : Ctrl+C)`);
}
