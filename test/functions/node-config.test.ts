/** Issue 8, item 8: the server's settings from the environment, checked at start with French messages. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../functions/node/config.ts';
import { configFromWorkerEnv } from '../../functions/worker/config.ts';

describe('configFromEnv', () => {
  it('defaults without any variable', () => {
    const r = configFromEnv({});
    expect(r.ok && { port: r.config.port, host: r.config.host, origins: r.config.origins, smtp: r.config.smtp }).toEqual({
      port: 4321,
      host: '127.0.0.1',
      origins: [],
      smtp: undefined,
    });
  });

  it('reads the site, the proxies, the rate limit and the pinned date', () => {
    const r = configFromEnv({
      SITE_URL: 'https://fabrique.exemple.fr/chemin',
      TRUSTED_PROXIES: '10.0.0.1, ::1',
      FORMS_RATE_LIMIT: '5',
      FABRIQUE_AUJOURDHUI: '2027-01-15',
    });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.config.origins).toEqual(['https://fabrique.exemple.fr']);
    expect(r.config.mailDomain).toBe('fabrique.exemple.fr');
    expect(r.config.trustedProxies).toEqual(['10.0.0.1', '::1']);
    expect(r.config.rateLimit.max).toBe(5);
    expect(r.config.clock.now().toISOString()).toBe('2027-01-15T11:00:00.000Z');
  });

  it('every wrong value is named, in French, all at once', () => {
    const r = configFromEnv({
      PORT: 'abc',
      FORMS_RATE_LIMIT: '0',
      SITE_URL: 'ftp://x',
      FABRIQUE_AUJOURDHUI: '15/01/2027',
      TRUSTED_PROXIES: 'proxy.local',
      SMTP_HOST: 'smtp.exemple.fr',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.stringMatching(/^PORT = « abc » : attendu un nombre entier/),
      expect.stringMatching(/^FORMS_RATE_LIMIT = « 0 »/),
      expect.stringMatching(/^SITE_URL = « ftp:\/\/x » : attendu l’adresse publique/),
      expect.stringMatching(/^FABRIQUE_AUJOURDHUI = « 15\/01\/2027 » : attendu une date AAAA-MM-JJ/),
      expect.stringMatching(/^TRUSTED_PROXIES : « proxy.local » n’est pas une adresse IP/),
      expect.stringMatching(/^SMTP_FROM manquant/),
    ]);
  });

  it('PostgreSQL: a database URL, never with DB_PATH, and a shared secret for client hashes', () => {
    const secret = randomBytes(32).toString('hex');
    const good = configFromEnv({ DATABASE_URL: 'postgres://fabrique@db.interne:5432/fabrique', FORMS_CLIENT_SECRET: secret });
    if (!good.ok) throw new Error(good.errors.join());
    expect(good.config.databaseUrl).toBe('postgres://fabrique@db.interne:5432/fabrique');
    expect(good.config.clientHashSecret).toBe(secret);
    const bad = configFromEnv({ DATABASE_URL: 'mysql://x/y', DB_PATH: 'data/s.sqlite', FORMS_CLIENT_SECRET: 'court' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual([
      expect.stringMatching(/^DATABASE_URL : attendu une adresse PostgreSQL/),
      expect.stringMatching(/^DATABASE_URL et DB_PATH : choisir l’un ou l’autre/),
      expect.stringMatching(/^FORMS_CLIENT_SECRET : avec DATABASE_URL, attendu un secret d’au moins 32 caractères/),
    ]);
  });

  it('a secret copied from a guide is refused, with the command that makes one', () => {
    const placeholders = [
      '…64 caractères hexadécimaux, les mêmes partout (openssl rand -hex 32)…',
      'REMPLACER_PAR_LE_RESULTAT_DE_openssl_rand_hex_32',
      'a'.repeat(64),
      'changeme-changeme-changeme-changeme',
    ];
    for (const FORMS_CLIENT_SECRET of placeholders) {
      const r = configFromEnv({ DATABASE_URL: 'postgres://fabrique@db.interne:5432/fabrique', FORMS_CLIENT_SECRET });
      expect(r.ok ? [] : r.errors).toEqual([
        expect.stringMatching(
          /^FORMS_CLIENT_SECRET : la valeur ressemble à l’exemple du guide, pas à un secret.*openssl rand -hex 32/,
        ),
      ]);
    }
    for (const made of [randomBytes(32).toString('hex'), randomBytes(32).toString('base64')])
      expect(configFromEnv({ DATABASE_URL: 'postgres://fabrique@db.interne:5432/fabrique', FORMS_CLIENT_SECRET: made }).ok).toBe(
        true,
      );
  });
});

describe('one parser for Node and the Worker (functions/settings.ts)', () => {
  it('the same wrong values get the same French messages on both', () => {
    const wrong = { SITE_URL: 'ftp://x', FORMS_RATE_LIMIT: 'beaucoup', FABRIQUE_AUJOURDHUI: '15/01/2027' };
    const node = configFromEnv(wrong);
    const worker = configFromWorkerEnv({ ...wrong, DB: undefined, ASSETS: undefined }, undefined);
    const messages = (r: { ok: boolean; errors?: string[] }) =>
      (r.errors ?? []).filter((e) => /^(SITE_URL|FORMS_RATE_LIMIT|FABRIQUE_AUJOURDHUI)/.test(e)).sort();
    expect(messages(node)).toHaveLength(3);
    expect(messages(worker)).toEqual(messages(node));
  });

  it('the same right values give the same origins, rate limit and day on both', () => {
    const right = { SITE_URL: 'https://fabrique.exemple.fr', FORMS_RATE_LIMIT: '7', FABRIQUE_AUJOURDHUI: '2027-01-15' };
    const node = configFromEnv(right);
    const worker = configFromWorkerEnv(
      {
        ...right,
        FORMS_CLIENT_SECRET: randomBytes(32).toString('hex'),
        DB: {} as never,
        ASSETS: { fetch: () => Promise.reject(new Error()) },
      },
      undefined,
    );
    if (!node.ok || !worker.ok) throw new Error(JSON.stringify([node, worker]));
    const common = (c: typeof node.config | typeof worker.config) => ({
      origins: c.origins,
      mailDomain: c.mailDomain,
      rateLimit: c.rateLimit,
      today: c.clock.now().toISOString(),
    });
    expect(common(worker.config)).toEqual(common(node.config));
  });

  it('the Worker’s first-administrator secret: 32 characters fit for a path, else a French error naming it', () => {
    const base = {
      FORMS_CLIENT_SECRET: 'k3Jd9sLq0Zp2Xv8Wm4Tn6Yb1Rc5Fh7Ga',
      DB: {} as never,
      ASSETS: { fetch: () => Promise.reject(new Error()) },
    };
    const good = configFromWorkerEnv({ ...base, EQUIPE_PREMIERE_INVITATION: 'a1'.repeat(16) }, undefined);
    expect(good.ok && good.config.firstInvitation).toBe('a1'.repeat(16));
    for (const wrong of ['trop-court', `${'a'.repeat(40)}/`]) {
      const r = configFromWorkerEnv({ ...base, EQUIPE_PREMIERE_INVITATION: wrong }, undefined);
      expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/^EQUIPE_PREMIERE_INVITATION : 32 caractères au moins/)]);
    }
  });
});
