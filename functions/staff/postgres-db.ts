/**
 * The staff command on PostgreSQL (`--db postgres://…` or DATABASE_URL): the same reads as on SQLite
 * (STAFF_SQL in PostgreSQL's placeholders), the store's own erasure and purge, and backups with pg_dump.
 * The address is never printed: messages name the host, port and database only.
 */
import { spawn } from 'node:child_process';
import { dollarPlaceholders } from '../store/dialect.ts';
import { PostgresStore } from '../store/postgres.ts';
import { STAFF_SQL } from '../store/sql.ts';
import { purgeExpired } from '../retention.ts';
import { UserError } from './command.ts';
import type { StaffDb } from './staff-db.ts';
import { toRow, type Raw } from './submissions-db.ts';

/** PostgreSQL has no rowid: the insertion order of a table not rewritten is its physical order. */
const pgSql = (sql: string) => dollarPlaceholders(sql.replace(/\browid\b/g, 'ctid'));

export const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//i.test(value);

/** « PostgreSQL hôte:port/base », without user or password. */
export function postgresLabel(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return 'PostgreSQL (adresse illisible)';
  }
}

/** Why a connection failed, in French, from the driver's code: never the address itself. */
function unreachable(label: string, error: unknown): UserError {
  const code = (error as { code?: string }).code ?? (error as Error).name;
  const why: Record<string, string> = {
    ECONNREFUSED: 'personne n’écoute à cette adresse (serveur arrêté, mauvais port ?)',
    ENOTFOUND: 'nom d’hôte inconnu',
    EAI_AGAIN: 'nom d’hôte introuvable pour le moment (réseau ?)',
    ETIMEDOUT: 'pas de réponse à temps',
    '28P01': 'utilisateur ou mot de passe refusé',
    '28000': 'connexion refusée par le serveur (pg_hba.conf)',
    '3D000': 'cette base n’existe pas sur le serveur',
    ERR_INVALID_URL: 'adresse illisible',
  };
  const reason = why[code] ?? (/timeout/i.test((error as Error).message ?? '') ? 'pas de réponse à temps' : code);
  return new UserError(
    `Base ${label} injoignable : ${reason}. Vérifiez --db postgres://… ou DATABASE_URL (le mot de passe n’est jamais affiché). Rien n’a été fait.`,
  );
}

export class PostgresStaffDb implements StaffDb {
  readonly label: string;
  private readonly store: PostgresStore;
  private readonly url: string;
  private constructor(store: PostgresStore, url: string) {
    this.store = store;
    this.url = url;
    this.label = postgresLabel(url);
  }

  static async open(url: string): Promise<PostgresStaffDb> {
    const label = postgresLabel(url);
    try {
      return new PostgresStaffDb(await PostgresStore.open(url, { max: 2 }), url);
    } catch (error) {
      throw unreachable(label, error);
    }
  }

  private async rows(sql: string, params: unknown[] = []) {
    return (await this.store.pool.query<Raw>(pgSql(sql), params)).rows;
  }
  async list(formKey?: string) {
    return (formKey ? await this.rows(STAFF_SQL.listForm, [formKey]) : await this.rows(STAFF_SQL.list)).map(toRow);
  }
  async get(id: string) {
    const [raw] = await this.rows(STAFF_SQL.get, [id]);
    return raw && toRow(raw);
  }
  erase(ids: string[]) {
    return this.store.erase(ids);
  }
  purge(now: Date, audit: (ids: string[]) => void) {
    return purgeExpired(this.store, now, audit);
  }
  counters() {
    return this.store.counters();
  }

  /** pg_dump's custom format, consistent while the servers keep writing; the password goes by PGPASSWORD. */
  async backup(file: string) {
    const u = new URL(this.url);
    const env = {
      ...process.env,
      PGHOST: decodeURIComponent(u.hostname),
      PGPORT: u.port || '5432',
      PGUSER: decodeURIComponent(u.username) || process.env.PGUSER || '',
      PGPASSWORD: decodeURIComponent(u.password) || process.env.PGPASSWORD || '',
      PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
      PGSSLMODE: u.searchParams.get('sslmode') ?? process.env.PGSSLMODE ?? 'prefer',
    };
    const err = await new Promise<string | undefined>((resolve) => {
      const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--file', file], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let text = '';
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', (e) =>
        resolve(`pg_dump introuvable (${(e as NodeJS.ErrnoException).code}) : installez postgresql-client`),
      );
      child.on('close', (code) => resolve(code === 0 ? undefined : text.trim().split('\n')[0]?.slice(0, 300)));
    });
    if (err !== undefined)
      throw new UserError(`Sauvegarde de ${this.label} impossible : ${err.replaceAll(u.password || '\0', '***')}`);
    const [{ n }] = (await this.store.pool.query<{ n: string }>('SELECT count(*) AS n FROM submissions')).rows as [{ n: string }];
    return {
      count: Number(n),
      restore: `Restaurer : pg_restore --clean --if-exists --no-owner -d BASE ${file} (serveurs arrêtés), puis redémarrer.`,
    };
  }

  close() {
    return this.store.close();
  }
}
