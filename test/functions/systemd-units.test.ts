/**
 * Issue 20, item 7: the systemd units of EXPLOITATION.md, as written there, are hardened (no npm between
 * systemd and the server, ProtectHome, no capability, network-online wanted; the backup as the service's user,
 * umask 077) and pass
 * `systemd-analyze verify` (unknown keys and unparsable values included), in a scratch root holding the
 * system's own units and stand-ins for the executables they name. Skipped loudly without systemd-analyze.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
const systemUnits = ['/usr/lib/systemd/system', '/lib/systemd/system'].find((p) => existsSync(p));
if (!analyze || !systemUnits)
  console.warn('\n!!! systemd-units.test.ts : systemd-analyze absent, les unités ne sont pas vérifiées par systemd.\n');

/** The guide's units by file name: every ```ini block, split on its `# /etc/systemd/system/NAME` lines, else named by the text before it. */
export function guideUnits(): Map<string, string> {
  const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
  const units = new Map<string, string>();
  for (const m of guide.matchAll(/```ini\n([\s\S]*?)\n\s*```/g)) {
    const block = m[1]!.replace(/^ {3}/gm, '');
    const parts = block.split(/^# \/etc\/systemd\/system\/([\w.@-]+)\n/m);
    if (parts.length > 1) for (let i = 1; i < parts.length; i += 2) units.set(parts[i]!, parts[i + 1]!.trim() + '\n');
    else {
      const before = guide.slice(0, m.index);
      const name = [...before.matchAll(/\/etc\/systemd\/system\/([\w.@-]+)/g)].at(-1)?.[1];
      if (name) units.set(name, block.trim() + '\n');
    }
  }
  return units;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('systemd units of the guide', () => {
  const units = guideUnits();

  it('the server and the nightly rebuild: started without npm, hardened, after the network is up', () => {
    expect([...units.keys()].sort()).toEqual([
      'fabrique-construction.service',
      'fabrique-construction.timer',
      'fabrique-sauvegarde.service',
      'fabrique-sauvegarde.timer',
      'fabrique.service',
    ]);
    for (const name of ['fabrique.service', 'fabrique-construction.service']) {
      const unit = units.get(name)!;
      expect(unit).toMatch(/^ExecStart=\/srv\/fabrique\/\S+\/node /m);
      expect(unit).not.toMatch(/^ExecStart=.*\bnpm\b/m);
      for (const line of [
        'Wants=network-online.target',
        'After=network-online.target',
        'ProtectHome=yes',
        'ProtectSystem=strict',
        'NoNewPrivileges=yes',
        'CapabilityBoundingSet=',
        'PrivateTmp=yes',
      ])
        expect(unit, `${name} : ${line}`).toContain(`\n${line}\n`);
    }
    expect(units.get('fabrique.service')).toContain('\nReadWritePaths=/srv/fabrique/data\n');
    expect(units.get('fabrique.service')).toContain('\nUMask=0077\n');
  });

  it('the nightly encrypted backup (issue 20, item 6): the script as the service’s user, 0600, hardened, on a timer', () => {
    const unit = units.get('fabrique-sauvegarde.service')!;
    expect(unit).toContain('\nExecStart=/srv/fabrique/app/functions/staff/sauvegarde-chiffree.sh\n');
    expect(existsSync(path.join(root, 'functions/staff/sauvegarde-chiffree.sh'))).toBe(true);
    for (const line of [
      'Type=oneshot',
      'User=fabrique',
      'EnvironmentFile=/etc/fabrique/env',
      'EnvironmentFile=/etc/fabrique/sauvegarde.env',
      'ReadWritePaths=/srv/fabrique/data /srv/fabrique/sauvegardes',
      'UMask=0077',
      'ProtectHome=yes',
      'ProtectSystem=strict',
      'NoNewPrivileges=yes',
      'CapabilityBoundingSet=',
      'PrivateTmp=yes',
    ])
      expect(unit, line).toContain(`\n${line}\n`);
    expect(units.get('fabrique-sauvegarde.timer')).toMatch(/^OnCalendar=\S/m);
    expect(units.get('fabrique-sauvegarde.timer')).toContain('\nPersistent=true\n');
    // Every variable the script reads from its settings file is in the guide's sauvegarde.env.
    const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
    const script = readFileSync(path.join(root, 'functions/staff/sauvegarde-chiffree.sh'), 'utf8');
    for (const name of new Set(script.match(/FABRIQUE_SAUVEGARDES_[A-Z]+/g)))
      expect(guide, name).toMatch(new RegExp(`^ *${name}=`, 'm'));
  });

  it.skipIf(!analyze || !systemUnits)('systemd-analyze verify finds nothing to say', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'systemd-'));
    dirs.push(scratch);
    cpSync(systemUnits!, path.join(scratch, 'usr/lib/systemd/system'), { recursive: true });
    const etc = path.join(scratch, 'etc/systemd/system');
    mkdirSync(etc, { recursive: true });
    for (const [name, text] of units) {
      writeFileSync(path.join(etc, name), text);
      // Stand-ins for what the unit names on the server: its executable, its folder, its settings file.
      for (const [, key, value] of text.matchAll(/^(ExecStart|WorkingDirectory|EnvironmentFile)=(\S+)/gm)) {
        const where = path.join(scratch, value!);
        if (key === 'WorkingDirectory') mkdirSync(where, { recursive: true });
        else {
          mkdirSync(path.dirname(where), { recursive: true });
          writeFileSync(where, key === 'ExecStart' ? '#!/bin/sh\n' : '');
          if (key === 'ExecStart') chmodSync(where, 0o755);
        }
      }
    }
    const run = spawnSync(analyze!, ['verify', `--root=${scratch}`, ...units.keys()], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });
});
