/** What createApp needs from its runtime: storage, time, settings, built pages, the client's address. */
import type { Context } from 'hono';
import type { ContentContext } from '../src/schemas/forms/context.ts';
import type { FormKey } from '../src/schemas/forms/index.ts';
import type { FormSettings } from '../src/schemas/forms/settings.ts';
import type { PageSource } from './pages.ts';
import type { RateLimit, RateLimitOptions } from './rate-limit.ts';
import type { SubmissionStore } from './store/types.ts';
import type { Counters } from './counters.ts';
import type { ServedRelease } from './health.ts';

export type AppConfig = {
  /** Origins allowed to post (the site's own), e.g. https://fabrique-solidarites.rennes.fr. Never "*". */
  origins: string[];
  settings: Record<FormKey, FormSettings>;
  /** Trainings, activities, quartiers read from content/ at start. */
  content: ContentContext;
  rateLimit: RateLimitOptions;
  /** Secret mixed into client-address hashes; new on each start is fine. */
  clientHashSalt: string;
};

/** One line per request; never field values, raw addresses or query strings. */
export type LogEntry = {
  method: string;
  route: string;
  form?: string;
  status: number;
  /** accepte, spam, or why it was refused (see Outcome). */
  outcome?: Outcome;
  ms: number;
  note?: string;
};

/** What became of a request, for the log line and the counters: a word, never content. */
export type Outcome =
  | 'accepte'
  | 'liste_attente'
  | 'doublon'
  | 'spam'
  | 'formulaire_inconnu'
  | 'autre_site'
  | 'format'
  | 'illisible'
  | 'trop_gros'
  | 'trop_frequent'
  | 'ferme'
  | 'vide'
  | 'invalide'
  | 'stockage_indisponible'
  | 'methode'
  | 'erreur_interne';

/** Hono's variables for the form routes: the step that answered says what became of the request. */
export type FormsEnv = { Variables: { outcome: Outcome } };

export type AppDeps = {
  store: SubmissionStore;
  clock: { now(): Date };
  config: AppConfig;
  pages?: PageSource;
  /** The client's network address, hashed before any use. */
  clientAddress: (c: Context) => string | undefined;
  log?: (entry: LogEntry) => void;
  /**
   * Keyed hash of a client address (salt + address), the only form in which an address is used. Node
   * passes a synchronous HMAC (WebCrypto's async digest cost a sixth of the request time under load);
   * by default WebCrypto, which every runtime has.
   */
  hashClient?: (salt: string, address: string) => string | Promise<string>;
  /** Accepted and refused counts, written to the store by a background job (Node: node/jobs.ts). */
  counters?: Counters;
  /**
   * Where hits are counted; by default in this process's memory. Several instances pass their shared
   * store's (PostgreSQL), with one clientHashSalt for all, so that the limit holds across them.
   */
  rateLimit?: RateLimit;
  newId?: () => string;
  /** The last retention purge, shown by /_sante (Node: node/jobs.ts); undefined before the first. */
  purgeStatus?: () => { a: string; resultat: string; effaces?: number; cause?: string } | undefined;
  /** The release served, for /_sante (health.ts): a release's manifest, else the build's stamp. */
  release?: () => ServedRelease | undefined;
  /** The teams' inbox (functions/equipe/): in demonstration, every page says so and offers a test account. */
  /**
   * firstInvitation: a token an operator chose (the Worker's secret EQUIPE_PREMIERE_INVITATION), accepted once
   * as an invitation for the first administrator while none has signed in yet (equipe/invitations.ts).
   */
  equipe?: {
    demonstration?: boolean;
    firstInvitation?: string;
    /** The site's editor's origin, where /equipe/editeur sends people with the right (Node only: functions/editeur/). */
    editeur?: () => string | undefined;
  };
};
