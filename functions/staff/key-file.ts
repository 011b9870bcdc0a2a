/**
 * A team's private key file, kept on the staff computer only. JSON, so a person can see which team and
 * key id it holds; written with mode 0600 and never over an existing file (a lost key is lost data).
 */
import { chmodSync, openSync, readFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { importPrivateKey, type TeamPrivateKey } from '../seal/open.ts';
import type { NewTeamKey } from '../seal/keys.ts';

const FORMAT = 'fabrique-cle-equipe/1';

type KeyFile = { format: string; team: string; keyId: string; publicKey: string; privateKey: string; createdAt: string };

export function writeKeyFile(file: string, key: NewTeamKey): void {
  const body: KeyFile = {
    format: FORMAT,
    team: key.team,
    keyId: key.id,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    createdAt: key.createdAt,
  };
  // 'wx': fail if the file exists; the mode applies at creation, chmod covers a restrictive umask's opposite.
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(body, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

export async function readKeyFile(file: string): Promise<TeamPrivateKey & { team: string }> {
  let data: Partial<KeyFile>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<KeyFile>;
  } catch {
    throw new KeyFileError(`Fichier de clé illisible : ${file}. Indiquez le fichier créé par « npm run keys -- create ».`);
  }
  if (data.format !== FORMAT || !data.keyId || !data.privateKey || !data.team) {
    throw new KeyFileError(`Ce fichier n’est pas une clé d’équipe : ${file}.`);
  }
  // Others able to read the file could read every sealed submission: say so, do not refuse.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    process.stderr.write(`Attention : ${file} est lisible par d’autres comptes. Corrigez avec : chmod 600 ${file}\n`);
  }
  try {
    return { team: data.team, ...(await importPrivateKey(data.keyId, data.privateKey)) };
  } catch {
    throw new KeyFileError(`Clé privée abîmée dans ${file}.`);
  }
}
