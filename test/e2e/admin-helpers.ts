/** A temporary copy of the project for /admin/ tests: its own content/, decap-server on it, its own build. */
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const node = path.join(root, 'node_modules/.bin/node');

/** A copy of the project (Astro needs real files for src/); only node_modules is linked. */
export async function projectCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'admin-'));
  for (const name of ['content', 'src', 'functions', 'public', '.config', 'package.json', 'tsconfig.json', 'astro.config.mjs'])
    await cp(path.join(root, name), path.join(dir, name), { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A free port on 127.0.0.1 (decap-server cannot report the port it got from 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** decap-server (local backend, file system mode) on `dir`, listening on 127.0.0.1:port. */
export async function startDecapServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(node, [path.join(root, 'node_modules/decap-server/dist/index.js')], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: dir, MODE: 'fs', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('decap-server did not start')), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`decap-server exited (${code})`)));
  });
  return child;
}

const run = promisify(execFile);

/** `astro build` of the copy, with extra environment. */
export function buildCopy(dir: string, env: Record<string, string> = {}) {
  return run(path.join(root, 'node_modules/.bin/astro'), ['build', '--root', dir], {
    cwd: dir,
    env: {
      ...process.env,
      FABRIQUE_DEMONSTRATION: 'oui',
      PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`,
      ...env,
    },
    maxBuffer: 20 * 1024 * 1024,
  });
}

/** `npm run check:content` on the copy's content. */
export function checkContentCopy(dir: string) {
  return run(node, [path.join(root, 'src/cli/check-content.ts'), path.join(dir, 'content')], { cwd: root });
}

/**
 * Deletes the entry open in the editor (Decap asks in a dialog of the browser's own, accepted) and waits for the
 * refusal a place other entries name gets: both editors' back-ends answer it (admin.test.ts, editeur.test.ts).
 */
export async function supprimerRefuse(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await page
    .getByRole('button', { name: /Supprimer/ })
    .first()
    .click();
  await page.getByText(/la fiche n’est pas supprimée : d’autres fiches la nomment/).waitFor();
}
