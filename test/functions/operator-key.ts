/**
 * A throw-away operator key for the encrypted backups (EXPLOITATION.md, « Sauvegardes chiffrées »): an ed25519
 * key with a cv25519 encryption subkey, no passphrase, in its own GNUPGHOME; the public key exported to a file,
 * as the server receives it. Used where a backup is run from an installed release (release.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const noGpg = spawnSync('gpg', ['--version']).status !== 0;

export function operatorKey(dir: string) {
  const home = path.join(dir, 'exploitant');
  mkdirSync(home, { mode: 0o700 });
  const gpg = (args: string[], input?: Buffer) =>
    spawnSync('gpg', ['--batch', '--homedir', home, '--pinentry-mode', 'loopback', '--passphrase', '', ...args], {
      input,
      maxBuffer: 256 << 20,
    });
  const check = (run: ReturnType<typeof gpg>) => {
    if (run.status !== 0) throw new Error(run.stderr.toString());
    return run.stdout;
  };
  check(gpg(['--quick-gen-key', 'Exploitant d’essai <exploitant@exemple.invalid>', 'ed25519', 'cert', 'never']));
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(check(gpg(['--with-colons', '--list-keys'])).toString())![1]!;
  check(gpg(['--quick-add-key', fingerprint, 'cv25519', 'encr', 'never']));
  const publicKey = path.join(dir, 'exploitant.pub.asc');
  writeFileSync(publicKey, check(gpg(['--armor', '--export', fingerprint])));
  return {
    fingerprint,
    publicKey,
    /** The operator's restore: decrypted with the private key, unpacked into `target`; its files, sorted. */
    decryptInto(file: string, target: string): string[] {
      mkdirSync(target);
      execFileSync('tar', ['-x', '-C', target], { input: check(gpg(['--quiet', '--decrypt', file])) });
      return readdirSync(target).sort();
    },
    stop: () => spawnSync('gpgconf', ['--homedir', home, '--kill', 'all']),
  };
}
