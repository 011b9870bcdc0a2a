/** The Node server in its own process (test/fixtures/server-child.ts), as the benchmarks and fault tests drive it. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type ServerProcess = { url: string; child: ChildProcess; exited: Promise<void> };

export async function spawnServer(
  dbFile: string,
  distDir = path.join(root, 'dist'),
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['test/fixtures/server-child.ts', dbFile, distDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = /URL (\S+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error('le serveur s’est arrêté avant d’écouter')));
  });
  return { url, child, exited };
}
