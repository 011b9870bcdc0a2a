/**
 * Issue 13: the Node server sends the editor's configuration (/admin/config.yml) as YAML text, not as a
 * download (application/octet-stream), so Decap CMS and a person opening it read it as text.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';

const YAML = 'backend:\n  name: git-gateway\nlocale: fr\n';
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'types-'));
  mkdirSync(path.join(dir, 'dist', 'admin'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'admin', 'config.yml'), YAML);
  writeFileSync(path.join(dir, 'dist', 'admin', 'autre.yaml'), YAML);
  writeFileSync(path.join(dir, 'dist', 'admin', 'index.html'), '<!doctype html><title>admin</title>');
  server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: path.join(dir, 'dist'), notice: () => {} });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it.each(['/admin/config.yml', '/admin/autre.yaml'])('serves %s as UTF-8 YAML text, whole', async (p) => {
    const response = await fetch(`${server.url}${p}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(await response.text()).toBe(YAML);
  });

  it('leaves the other types as they were, and a missing YAML file a 404', async () => {
    expect((await fetch(`${server.url}/admin/`)).headers.get('content-type')).toMatch(/^text\/html/);
    const missing = await fetch(`${server.url}/admin/absent.yml`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
