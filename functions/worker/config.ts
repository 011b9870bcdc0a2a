/**
 * The Worker's settings from its environment (wrangler.jsonc `vars`, secrets put with `wrangler secret
 * put`), checked before the first request is served, as node/config.ts does for Node: a wrong value is
 * logged with a French message naming the variable, and the forms answer 503 instead of running
 * half-configured.
 */
import { modeMismatch, type BuildStamp } from '../build-stamp.ts';
import { clockFrom, pinnedDateProblem, type Clock } from '../clock.ts';
import { httpMailSettingsFromEnv, type HttpMailSettings } from '../notify/http-api.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../rate-limit.ts';
import type { D1Like } from '../store/d1.ts';
import { formsModeFromEnv, type FormsMode } from '../../src/lib/forms/mode.ts';

/** The platform's bindings (wrangler.jsonc) and variables. */
export type WorkerEnv = {
  DB?: D1Like;
  ASSETS?: { fetch(request: Request): Promise<Response> };
  [name: string]: unknown;
};

export type WorkerConfig = {
  db: D1Like;
  assets: NonNullable<WorkerEnv['ASSETS']>;
  /** The public site's origin (SITE_URL); the Worker's own origin is always allowed too. */
  origins: string[];
  mailDomain: string;
  rateLimit: RateLimitOptions;
  clientHashSecret: string;
  clock: Clock;
  mode: FormsMode;
  mail?: HttpMailSettings;
  adminConnect?: string;
};

export type WorkerConfigResult = { ok: true; config: WorkerConfig } | { ok: false; errors: string[] };

export function configFromWorkerEnv(env: WorkerEnv, build: BuildStamp | undefined): WorkerConfigResult {
  const errors: string[] = [];
  const text = (name: string) => (typeof env[name] === 'string' && env[name] !== '' ? env[name] : undefined);
  if (!env.DB) errors.push('DB : la base D1 n’est pas liée au Worker (d1_databases, binding « DB », dans wrangler.jsonc).');
  if (!env.ASSETS)
    errors.push('ASSETS : le site construit n’est pas lié au Worker (assets, binding « ASSETS », dans wrangler.jsonc).');

  let origins: string[] = [];
  let mailDomain = 'localhost';
  const site = text('SITE_URL');
  if (site) {
    try {
      const url = new URL(site);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocole');
      origins = [url.origin];
      mailDomain = url.hostname;
    } catch {
      errors.push(
        `SITE_URL = « ${site} » : attendu l’adresse publique du site, par exemple https://fabrique-solidarites.rennes.fr`,
      );
    }
  }

  const rateRaw = text('FORMS_RATE_LIMIT');
  const rateMax = rateRaw === undefined ? DEFAULT_RATE_LIMIT.max : Number(rateRaw);
  if (!Number.isInteger(rateMax) || rateMax < 1 || rateMax > 1_000_000)
    errors.push(`FORMS_RATE_LIMIT = « ${rateRaw} » : attendu un nombre entier de 1 à 1000000.`);

  const pinned = text('FABRIQUE_AUJOURDHUI');
  const pinnedProblem = pinnedDateProblem(pinned);
  if (pinnedProblem) errors.push(pinnedProblem);

  // Every isolate counts a client in D1 under the same hash: one secret for all, from the platform.
  const secret = text('FORMS_CLIENT_SECRET') ?? '';
  if (secret.length < 32)
    errors.push(
      'FORMS_CLIENT_SECRET : attendu un secret d’au moins 32 caractères (wrangler secret put FORMS_CLIENT_SECRET ; par exemple : openssl rand -hex 32).',
    );

  let mail: HttpMailSettings | undefined;
  try {
    mail = httpMailSettingsFromEnv(env);
  } catch (error) {
    errors.push((error as Error).message);
  }

  const mode = formsModeFromEnv({ FABRIQUE_DEMONSTRATION: text('FABRIQUE_DEMONSTRATION') });
  const mismatch = modeMismatch(build, mode);
  if (mismatch) errors.push(`FABRIQUE_DEMONSTRATION : ${mismatch}`);

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      db: env.DB!,
      assets: env.ASSETS!,
      origins,
      mailDomain,
      rateLimit: { ...DEFAULT_RATE_LIMIT, max: rateMax },
      clientHashSecret: secret,
      clock: clockFrom(pinned),
      mode,
      mail,
      adminConnect: text('FABRIQUE_ADMIN_CONNECT'),
    },
  };
}
