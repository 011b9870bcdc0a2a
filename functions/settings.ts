/**
 * The settings both servers read (Node's process.env, the Worker's env), parsed once with their French
 * messages: node/config.ts and worker/config.ts each add only what their platform has. A wrong value is
 * collected in `errors`, naming the variable and what is expected, and the default is kept meanwhile.
 */
import { clockFrom, pinnedDateProblem, PINNED_DATE, type Clock } from './clock.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';

export class SettingsReader {
  readonly errors: string[] = [];
  private readonly env: Record<string, unknown>;

  constructor(env: Record<string, unknown>) {
    this.env = env;
  }

  /** A variable's text; unset, empty or not text (a Worker binding) is undefined. */
  text(name: string): string | undefined {
    const value = this.env[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.errors.push(`${name} = « ${raw} » : attendu un nombre entier de ${min} à ${max}.`);
    return fallback;
  }

  /** SITE_URL: the public site's origin may post to the forms; its host names the mail's Message-IDs. */
  site(): { origins: string[]; mailDomain?: string } {
    const site = this.text('SITE_URL');
    if (!site) return { origins: [] };
    try {
      const url = new URL(site);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocole');
      return { origins: [url.origin], mailDomain: url.hostname };
    } catch {
      this.errors.push(
        `SITE_URL = « ${site} » : attendu l’adresse publique du site, par exemple https://fabrique-solidarites.rennes.fr`,
      );
      return { origins: [] };
    }
  }

  /** FORMS_RATE_LIMIT: submissions of one form per client per window. */
  rateLimit(): RateLimitOptions {
    return { ...DEFAULT_RATE_LIMIT, max: this.integer('FORMS_RATE_LIMIT', DEFAULT_RATE_LIMIT.max, 1, 1_000_000) };
  }

  /** FABRIQUE_AUJOURDHUI pins "today" for submissions, the purge and the outbox alike. */
  clock(): Clock {
    const pinned = this.text('FABRIQUE_AUJOURDHUI');
    const problem = pinnedDateProblem(pinned);
    if (problem) this.errors.push(problem);
    return clockFrom(pinned && PINNED_DATE.test(pinned) && !problem ? pinned : undefined);
  }

  /**
   * FORMS_CLIENT_SECRET: the key of client-address hashes, the same on every instance so that the rate limit
   * counts a client the same everywhere. `when` and `how` say when it is needed and how to set it.
   */
  clientSecret(when: string, how: string): string {
    const secret = this.text('FORMS_CLIENT_SECRET') ?? '';
    if (secret.length < 32)
      this.errors.push(
        `FORMS_CLIENT_SECRET : ${when}attendu un secret d’au moins 32 caractères${how} (par exemple : openssl rand -hex 32).`,
      );
    else if (looksLikePlaceholder(secret))
      this.errors.push(
        `FORMS_CLIENT_SECRET : la valeur ressemble à l’exemple du guide, pas à un secret${how}. À faire : en créer un avec openssl rand -hex 32 et le mettre à la place.`,
      );
    return secret;
  }

  /** Settings read by another module that throws its French message on a wrong value (mail, SMTP). */
  optional<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.errors.push((error as Error).message);
      return undefined;
    }
  }
}

/**
 * A value copied from a guide rather than made: spaces or an ellipsis, words such as « remplacer » or
 * « exemple », or too few different characters (a random hex string of 32 has about 16).
 */
export function looksLikePlaceholder(value: string): boolean {
  return /\s|…|\.\.\.|remplacer|exemple|example|mot_de_passe|changeme|xxxx/i.test(value) || new Set(value).size < 10;
}
