/**
 * The Node server's settings from the environment, checked at start: a wrong value stops the server
 * with a French message saying which variable and what is expected, instead of running half-configured.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { smtpSettingsFromEnv, type SmtpSettings } from '../notify/smtp.ts';
import type { RateLimitOptions } from '../rate-limit.ts';
import type { Clock } from '../clock.ts';
import { SettingsReader } from '../settings.ts';
import { parseAllowed } from './observe.ts';

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
  /** Who may read /_metriques: addresses or networks (node/observe.ts); loopback by default. */
  metricsAllowed: string[];
};

export type ConfigResult = { ok: true; config: EnvConfig } | { ok: false; errors: string[] };

export function configFromEnv(env: Record<string, string | undefined>): ConfigResult {
  const settings = new SettingsReader(env);
  const port = settings.integer('PORT', 4321, 0, 65_535);
  const rateLimit = settings.rateLimit();
  const { origins, mailDomain } = settings.site();
  const clock = settings.clock();
  const trustedProxies = trustedProxiesFrom(settings);
  const database = databaseFrom(settings);
  const smtp = settings.optional(() => smtpSettingsFromEnv(env));
  const metrics = parseAllowed(settings.text('METRICS_ALLOWED'));
  settings.errors.push(...metrics.errors);
  if (settings.errors.length) return { ok: false, errors: settings.errors };
  return {
    ok: true,
    config: {
      port,
      host: settings.text('HOST') ?? '127.0.0.1',
      ...database,
      auditLog: settings.text('AUDIT_LOG'),
      origins,
      mailDomain,
      rateLimit,
      trustedProxies,
      clock,
      smtp,
      metricsAllowed: metrics.allowed,
    },
  };
}

/** TRUSTED_PROXIES: reverse proxies' addresses, comma-separated. */
function trustedProxiesFrom(settings: SettingsReader): string[] {
  const proxies = (settings.text('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of proxies)
    if (!isIP(p)) settings.errors.push(`TRUSTED_PROXIES : « ${p} » n’est pas une adresse IP (liste séparée par des virgules).`);
  return proxies;
}

/**
 * DB_PATH (SQLite), or DATABASE_URL for several instances on PostgreSQL: then one secret for client-address
 * hashes so that the rate limit counts a client the same on every instance.
 */
function databaseFrom(settings: SettingsReader): Pick<EnvConfig, 'dbPath' | 'databaseUrl' | 'clientHashSecret'> {
  const dbPath = settings.text('DB_PATH');
  const databaseUrl = settings.text('DATABASE_URL');
  if (!databaseUrl) return { dbPath, clientHashSecret: settings.text('FORMS_CLIENT_SECRET') };
  let protocol = '';
  try {
    protocol = new URL(databaseUrl).protocol;
  } catch {
    /* reported below */
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    settings.errors.push(
      'DATABASE_URL : attendu une adresse PostgreSQL, par exemple postgres://fabrique@db.interne:5432/fabrique',
    );
  if (/:MOT_DE_PASSE@/.test(databaseUrl))
    settings.errors.push(
      'DATABASE_URL : MOT_DE_PASSE est l’exemple du guide ; y mettre le mot de passe de l’utilisateur PostgreSQL (createuser fabrique --pwprompt).',
    );
  if (dbPath) settings.errors.push('DATABASE_URL et DB_PATH : choisir l’un ou l’autre (PostgreSQL ou le fichier SQLite).');
  const clientHashSecret = settings.clientSecret('avec DATABASE_URL, ', ', le même sur chaque instance');
  return { dbPath, databaseUrl, clientHashSecret };
}

/** The audit log beside the database unless AUDIT_LOG says otherwise (the staff command's default too). */
export const defaultAuditLog = (dbPath: string) => path.join(path.dirname(dbPath), 'audit.log');
