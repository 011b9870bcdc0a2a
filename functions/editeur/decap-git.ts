/**
 * Decap's proxy protocol (POST {action, params}) answered by decap-server's own git middleware, the one its
 * `npx decap-server` runs in git mode: entries read from and committed to the content repository, the
 * editorial workflow as branches `cms/<collection>/<slug>` (status in the branch's description), publication
 * as a merge into the main branch. It is an express app: it listens on a Unix socket of the repository's
 * .git folder (only this user can reach it) and the editor's Hono app forwards each request there, after the
 * sign-in and the rights (api.ts). Loaded from the build folder, where the build tools are installed.
 */
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

export type DecapGit = {
  /** Sends one request of the protocol; answers its status and JSON body. */
  send: (body: unknown) => Promise<{ status: number; json: unknown }>;
  close: () => Promise<void>;
};

type Express = { (): ExpressApp; json: unknown };
type ExpressApp = { listen: (socket: string, done: () => void) => Server };

export async function startDecapGit(construction: string, depot: string): Promise<DecapGit> {
  const required = createRequire(path.join(construction, 'package.json'));
  const server = createRequire(required.resolve('decap-server/package.json'));
  const express = server('express') as Express;
  const { registerLocalGit } = server('./dist/middlewares.js') as {
    registerLocalGit: (app: ExpressApp, options: { logLevel: string }) => Promise<void>;
  };
  const app = express();
  // decap-server reads the repository from the environment, once, when it registers.
  const before = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = depot;
  try {
    await registerLocalGit(app, { logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = before;
  }
  const socket = path.join(depot, '.git', 'fabrique-editeur.sock');
  if (existsSync(socket)) rmSync(socket);
  const listening = await new Promise<Server>((resolve) => {
    const s = app.listen(socket, () => resolve(s));
  });
  chmodSync(socket, 0o600);
  return {
    send: (body) =>
      new Promise((resolve, reject) => {
        const payload = Buffer.from(JSON.stringify(body));
        const req = request(
          {
            socketPath: socket,
            path: '/api/v1',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': payload.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let json: unknown;
              try {
                json = JSON.parse(text);
              } catch {
                json = { error: text };
              }
              resolve({ status: res.statusCode ?? 500, json });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
    close: () =>
      new Promise((resolve) => {
        listening.close(() => resolve());
        listening.closeAllConnections?.();
      }),
  };
}
