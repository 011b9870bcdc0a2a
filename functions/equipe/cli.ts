/**
 * The first administrator (and anyone, later) from the command line, on every back-end:
 *   npm run equipe -- inviter --email ADRESSE --nom "Prénom Nom" [--role administrateur|membre|referent]
 *       [--equipe accueil] [--quartier maurepas] [--site https://…]
 *       [--db FICHIER | --db postgres://… | --database-url URL | --d1 local|distant [--wrangler FICHIER] | --sql]
 * SQLite by default (DB_PATH or data/submissions.sqlite), PostgreSQL with --db postgres://… or DATABASE_URL; the
 * Worker's D1 with --d1 (the statements run by `wrangler d1 execute`), or --sql to print them. Prints the
 * single-use link. On the Worker the first one may also come from the secret EQUIPE_PREMIERE_INVITATION.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SqlEquipeStore, type Row, type Statement } from '../store/equipe-store.ts';
import { ROLES, type Role } from '../store/equipe-types.ts';
import { PostgresStore } from '../store/postgres.ts';
import { isD1Where, wrangler } from '../staff/d1-db.ts';
import { isPostgresUrl } from '../staff/postgres-db.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { SubmissionStore } from '../store/types.ts';
import { invitationPath, invite } from './invitations.ts';

const USAGE = `Usage : npm run equipe -- inviter --email ADRESSE --nom "Prénom Nom" [--role administrateur|membre|referent]
  [--equipe EQUIPE]… [--quartier QUARTIER]… [--site https://adresse-du-site]
  [--db FICHIER | --db postgres://… | --d1 local|distant [--wrangler FICHIER] | --sql]\n`;

/** A value as a SQL literal for `wrangler d1 execute`: text, numbers or NULL. */
const literal = (v: unknown) =>
  v === null || v === undefined
    ? 'NULL'
    : typeof v === 'number'
      ? String(v)
      : `'${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/'/g, "''")}'`;

/** Records what would be written (for D1): reads find nothing, every write is kept as SQL text. */
function recorder() {
  const sql: string[] = [];
  const runner = {
    all: async <T = Row>() => [] as T[],
    batch: async (statements: Statement[]) =>
      statements.map((s) => {
        let i = 0;
        sql.push(`${s.sql.replace(/\?/g, () => literal(s.params[i++]))};`);
        return { changes: 1, rows: [] };
      }),
  };
  return { sql, store: new SqlEquipeStore(runner) };
}

export async function runEquipeCli(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; out: string; err: string }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        nom: { type: 'string' },
        role: { type: 'string', default: 'administrateur' },
        equipe: { type: 'string', multiple: true, default: [] },
        quartier: { type: 'string', multiple: true, default: [] },
        site: { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        sql: { type: 'boolean', default: false },
        d1: { type: 'string' },
        wrangler: { type: 'string' },
      },
    });
  } catch (error) {
    return { code: 1, out: '', err: `${(error as Error).message}\n${USAGE}` };
  }
  const { values: o, positionals } = parsed;
  if (positionals[0] !== 'inviter') return { code: 1, out: '', err: USAGE };
  const email = o.email?.trim().toLowerCase() ?? '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !o.nom?.trim() || !ROLES.includes(o.role as Role))
    return { code: 1, out: '', err: `Indiquez --email, --nom et un --role parmi ${ROLES.join(', ')}.\n${USAGE}` };
  const person = { name: o.nom.trim(), email, role: o.role as Role, teams: o.equipe, quartiers: o.quartier };
  const site = (o.site ?? env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
  const now = new Date();
  if (o.d1 !== undefined) {
    if (!isD1Where(o.d1))
      return { code: 1, out: '', err: `Indiquez --d1 local (wrangler dev) ou --d1 distant (Cloudflare).\n${USAGE}` };
    const { sql, store } = recorder();
    const { token } = await invite(store, person, 'console', now);
    // One `wrangler d1 execute`: its statements run in one transaction on D1.
    const failed = await wrangler(['d1', 'execute', 'DB', '--command', sql.join(' '), '-y'], { where: o.d1, config: o.wrangler });
    if (failed !== undefined)
      return {
        code: 1,
        out: '',
        err: `Invitation non créée sur D1 (wrangler d1 execute) : ${failed}${/UNIQUE/i.test(failed) ? ' (cette adresse a déjà un compte : créez la nouvelle invitation depuis l’espace équipe)' : ''}.\n`,
      };
    return {
      code: 0,
      out: `${site}${invitationPath(token)}\n`,
      err: `Invitation créée sur D1 pour ${person.name} (${person.role}). Transmettez ce lien à cette personne seulement : il sert une fois, 7 jours.\n`,
    };
  }
  if (o.sql) {
    const { sql, store } = recorder();
    const { token } = await invite(store, person, 'console', now);
    return {
      code: 0,
      out: `${sql.join('\n')}\n`,
      err: `Exécutez ces instructions sur D1 (wrangler d1 execute DB --remote --command "…"), puis transmettez ce lien à ${person.name}, à elle seule (7 jours, une fois) :\n${site}${invitationPath(token)}\n`,
    };
  }
  const url = o['database-url'] ?? (o.db && isPostgresUrl(o.db) ? o.db : undefined) ?? (o.db ? undefined : env.DATABASE_URL);
  const store: SubmissionStore = url
    ? await PostgresStore.open(url)
    : new SqliteStore(o.db ?? env.DB_PATH ?? path.resolve(import.meta.dirname, '../../data/submissions.sqlite'));
  try {
    const { token, renewed } = await invite(store.equipe!(), person, 'console', now);
    return {
      code: 0,
      out: `${site}${invitationPath(token)}\n`,
      err: `${renewed ? 'Nouvelle invitation (elle remplacera ses clés d’accès)' : 'Invitation créée'} pour ${person.name} (${person.role}). Transmettez ce lien à cette personne seulement : il sert une fois, 7 jours.\n`,
    };
  } catch (error) {
    // Never the database address: it may hold a password.
    return { code: 1, out: '', err: `Base inaccessible : ${(error as Error).name}. Vérifiez --db ou DATABASE_URL.\n` };
  } finally {
    await store.close();
  }
}

if (import.meta.main) {
  const result = await runEquipeCli(process.argv.slice(2), process.env);
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exitCode = result.code;
}
