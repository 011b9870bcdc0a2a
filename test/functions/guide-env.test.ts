/**
 * The settings files of EXPLOITATION.md, read as systemd reads an `EnvironmentFile=` (a `#` starts a
 * comment only at the start of a line): path (b)'s is accepted as written, path (c)'s once its two
 * placeholders are replaced as the guide says, and refused with French messages while they are still there.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../functions/node/config.ts';

const guide = readFileSync(path.resolve(import.meta.dirname, '../../functions/EXPLOITATION.md'), 'utf8');

/** The guide's `sh` blocks made only of settings and comment lines. */
const settingsBlocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((m) => m[1]!.replace(/^ {3}/gm, ''))
  .filter((block) =>
    block
      .trim()
      .split('\n')
      .every((line) => /^([A-Z_]+=|#)/.test(line)),
  );

/** systemd.exec(5), EnvironmentFile=: blank lines and lines starting with # or ; are ignored; the rest is KEY=VALUE. */
function environmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const at = line.indexOf('=');
    env[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return env;
}

const without = (env: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
const pathB = () => environmentFile(settingsBlocks.find((b) => b.includes('DB_PATH='))!);
const pathC = () => environmentFile(settingsBlocks.find((b) => b.includes('DATABASE_URL='))!);

describe('the settings files of EXPLOITATION.md', () => {
  it('path (b) as written starts the server', () => {
    const result = configFromEnv(pathB());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('path (c), its placeholders replaced as the guide says, starts the server', () => {
    const common = without(pathB(), 'DB_PATH', 'TRUSTED_PROXIES');
    const c = pathC();
    expect(c.DATABASE_URL).toContain(':MOT_DE_PASSE@');
    expect(c.FORMS_CLIENT_SECRET).toMatch(/REMPLACER/);
    const result = configFromEnv({
      ...common,
      ...c,
      DATABASE_URL: c.DATABASE_URL!.replace('MOT_DE_PASSE', 'v9-Kq2pLx'),
      FORMS_CLIENT_SECRET: randomBytes(32).toString('hex'),
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.config.trustedProxies).toEqual(['10.0.0.10']);
  });

  it('path (c) with its placeholders left in is refused, naming each', () => {
    const common = without(pathB(), 'DB_PATH');
    const result = configFromEnv({ ...common, ...pathC() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^DATABASE_URL : MOT_DE_PASSE est l’exemple du guide/),
      expect.stringMatching(
        /^FORMS_CLIENT_SECRET : la valeur ressemble à l’exemple du guide, pas à un secret.*openssl rand -hex 32/,
      ),
    ]);
  });
});
