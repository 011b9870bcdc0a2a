/**
 * The Node server's settings from the environment, checked at start: a wrong value stops the server
 * with a French message saying which variable and what is expected, instead of running half-configured.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { smtpSettingsFromEnv, type SmtpSettings } from '../notify/smtp.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../rate-limit.ts';
import { clockFrom, pinnedDateProblem, PINNED_DATE, type Clock } from '../clock.ts';

export { clockFrom, type Clock } from '../clock.ts';

export type EnvConfig = {
  port: number;
  host: string;
  dbPath?: string;
  databaseUrl?: string;
  clientHashSecret?: string;
  auditLog?: string;
  origins: string[];
  mailDomain?: string;
  rateLimit: RateLimitOptions;
  trustedProxies: string[];
  clock: Clock;
  smtp?: SmtpSettings;
};

export type ConfigResult = { ok: true; config: EnvConfig } | { ok: false; errors: string[] };

export function configFromEnv(env: Record<string, string | undefined>): ConfigResult {
  const errors: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    errors.push(`${name} = « ${raw} » : attendu un nombre entier de ${min} à ${max}.`);
    return fallback;
  };

  const port = integer('PORT', 4321, 0, 65_535);
  const rateMax = integer('FORMS_RATE_LIMIT', DEFAULT_RATE_LIMIT.max, 1, 1_000_000);

  let origins: string[] = [];
  let mailDomain: string | undefined;
  if (env.SITE_URL) {
    try {
      const url = new URL(env.SITE_URL);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocole');
      origins = [url.origin];
      mailDomain = url.hostname;
    } catch {
      errors.push(
        `SITE_URL = « ${env.SITE_URL} » : attendu l’adresse publique du site, par exemple https://fabrique-solidarites.rennes.fr`,
      );
    }
  }

  const pinned = env.FABRIQUE_AUJOURDHUI;
  const pinnedProblem = pinnedDateProblem(pinned);
  if (pinnedProblem) errors.push(pinnedProblem);

  const trustedProxies = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of trustedProxies)
    if (!isIP(p)) errors.push(`TRUSTED_PROXIES : « ${p} » n’est pas une adresse IP (liste séparée par des virgules).`);

  // Several instances on PostgreSQL: one database URL, and one secret for client-address hashes so that
  // the rate limit counts a client the same on every instance.
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) {
    let protocol = '';
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      /* reported below */
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:')
      errors.push('DATABASE_URL : attendu une adresse PostgreSQL, par exemple postgres://fabrique@db.interne:5432/fabrique');
    if (env.DB_PATH) errors.push('DATABASE_URL et DB_PATH : choisir l’un ou l’autre (PostgreSQL ou le fichier SQLite).');
    if ((env.FORMS_CLIENT_SECRET ?? '').length < 32)
      errors.push(
        'FORMS_CLIENT_SECRET : avec DATABASE_URL, attendu un secret d’au moins 32 caractères, le même sur chaque instance (par exemple : openssl rand -hex 32).',
      );
  }

  let smtp: SmtpSettings | undefined;
  try {
    smtp = smtpSettingsFromEnv(env);
  } catch (error) {
    errors.push((error as Error).message);
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      port,
      host: env.HOST || '127.0.0.1',
      dbPath: env.DB_PATH || undefined,
      databaseUrl,
      clientHashSecret: env.FORMS_CLIENT_SECRET || undefined,
      auditLog: env.AUDIT_LOG || undefined,
      origins,
      mailDomain,
      rateLimit: { ...DEFAULT_RATE_LIMIT, max: rateMax },
      trustedProxies,
      clock: clockFrom(pinned && PINNED_DATE.test(pinned) ? pinned : undefined),
      smtp,
    },
  };
}

/** The audit log beside the database unless AUDIT_LOG says otherwise (the staff command's default too). */
export const defaultAuditLog = (dbPath: string) => path.join(path.dirname(dbPath), 'audit.log');
