/**
 * Staff command: creates a team's key pair.
 *   npm run keys -- create --team accueil --out ~/cles/accueil-2026-11.json
 * The private key goes only to --out (mode 0600); the public key and key id are printed, to paste
 * into the form settings (content/formulaires/<form>.yaml). Nothing is sent anywhere.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateTeamKey, TEAM_NAME } from '../seal/keys.ts';
import { writeKeyFile } from './key-file.ts';

const USAGE = 'Usage : npm run keys -- create --team NOM --out FICHIER';

export async function keysCommand(argv: string[], now = new Date()): Promise<{ code: number; out: string; err: string }> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { team: { type: 'string' }, out: { type: 'string' } } });
  } catch (error) {
    return { code: 2, out: '', err: `${(error as Error).message}\n${USAGE}\n` };
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'create' || !values.team || !values.out) return { code: 2, out: '', err: `${USAGE}\n` };
  if (!TEAM_NAME.test(values.team)) {
    return { code: 2, out: '', err: `Nom d’équipe « ${values.team} » : lettres minuscules, chiffres et tirets seulement.\n` };
  }
  const key = await generateTeamKey(values.team, now);
  try {
    writeKeyFile(values.out, key);
  } catch (error) {
    return {
      code: 1,
      out: '',
      err: `${keyFileWriteProblem(values.out, (error as NodeJS.ErrnoException).code)} Aucune clé n’a été créée.\n`,
    };
  }
  const out = [
    `Clé privée écrite dans ${values.out} (lisible par vous seul). Gardez-en une copie sûre : sans elle, les envois scellés pour cette clé sont illisibles.`,
    '',
    'À coller dans les réglages des formulaires de l’équipe (content/formulaires/<formulaire>.yaml) :',
    '',
    `cle_equipe: ${key.id}`,
    'cles_publiques:',
    `  ${key.id}: ${key.publicKey}`,
    '',
    'Changement de clé : gardez les anciennes lignes sous cles_publiques et leurs fichiers de clé privée.',
    '',
  ].join('\n');
  return { code: 0, out, err: '' };
}

/** Why the key file could not be written, in French with the fix. */
function keyFileWriteProblem(file: string, code: string | undefined): string {
  const folder = path.dirname(path.resolve(file));
  if (code === 'EEXIST')
    return `Le fichier ${file} existe déjà : il contient peut-être une clé en service. Choisissez un autre nom.`;
  if (code === 'ENOENT')
    return `Le dossier ${folder} n’existe pas : le créer (mkdir -m 700 -p ${folder}) ou choisir un autre --out.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `Le dossier ${folder} n’accepte pas d’écriture pour vous (${code}) : choisir un dossier à vous pour --out.`;
  if (code === 'EISDIR')
    return `${file} est un dossier : indiquer un nom de fichier avec --out, par exemple ${path.join(file, 'cle.json')}.`;
  return `Le fichier ${file} ne peut pas être écrit (${code ?? 'erreur inconnue'}) : vérifier le dossier et ses droits.`;
}

if (import.meta.main) {
  const { code, out, err } = await keysCommand(process.argv.slice(2));
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}
