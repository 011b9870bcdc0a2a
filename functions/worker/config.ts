/**
 * The Worker's settings from its environment (wrangler.jsonc `vars`, secrets put with `wrangler secret
 * put`), checked before the first request is served, as node/config.ts does for Node: a wrong value is
 * logged with a French message naming the variable, and the forms answer 503 instead of running
 * half-configured.
 */
import { modeMismatch, type BuildStamp } from '../build-stamp.ts';
import type { Clock } from '../clock.ts';
import { httpMailSettingsFromEnv, type HttpMailSettings } from '../notify/http-api.ts';
import type { RateLimitOptions } from '../rate-limit.ts';
import { SettingsReader } from '../settings.ts';
import { FIRST_INVITATION } from '../equipe/invitations.ts';
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
  /** EQUIPE_PREMIERE_INVITATION (a secret): accepted once as the first administrator's invitation token. */
  firstInvitation?: string;
};

export type WorkerConfigResult = { ok: true; config: WorkerConfig } | { ok: false; errors: string[] };

export function configFromWorkerEnv(env: WorkerEnv, build: BuildStamp | undefined): WorkerConfigResult {
  const settings = new SettingsReader(env);
  if (!env.DB)
    settings.errors.push('DB : la base D1 n’est pas liée au Worker (d1_databases, binding « DB », dans wrangler.jsonc).');
  if (!env.ASSETS)
    settings.errors.push('ASSETS : le site construit n’est pas lié au Worker (assets, binding « ASSETS », dans wrangler.jsonc).');
  const { origins, mailDomain = 'localhost' } = settings.site();
  const rateLimit = settings.rateLimit();
  const clock = settings.clock();
  // Every isolate counts a client in D1 under the same hash: one secret for all, from the platform.
  const clientHashSecret = settings.clientSecret('', ', mis par wrangler secret put FORMS_CLIENT_SECRET');
  const mail = settings.optional(() => httpMailSettingsFromEnv(env));
  const mode = formsModeFromEnv({ FABRIQUE_DEMONSTRATION: settings.text('FABRIQUE_DEMONSTRATION') });
  const mismatch = modeMismatch(build, mode);
  if (mismatch) settings.errors.push(`FABRIQUE_DEMONSTRATION : ${mismatch}`);

  const firstInvitation = settings.text('EQUIPE_PREMIERE_INVITATION');
  if (firstInvitation !== undefined && !FIRST_INVITATION.test(firstInvitation))
    settings.errors.push(
      'EQUIPE_PREMIERE_INVITATION : 32 caractères au moins, lettres, chiffres, - et _ (par exemple : openssl rand -hex 32).',
    );

  if (settings.errors.length) return { ok: false, errors: settings.errors };
  return {
    ok: true,
    config: {
      db: env.DB!,
      assets: env.ASSETS!,
      origins,
      mailDomain,
      rateLimit,
      clientHashSecret,
      clock,
      mode,
      mail,
      adminConnect: settings.text('FABRIQUE_ADMIN_CONNECT'),
      firstInvitation,
    },
  };
}
