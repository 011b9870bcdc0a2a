/**
 * GET /_sante for a load balancer and monitoring: whether the store takes a write (the status, 200 or 503),
 * and, in its body, the notification backlog, the last purge and the release served (healthReport). The probe writes (an fsync on SQLite,
 * a batch on D1), so its answer is reused for a few seconds: a flood of health checks costs one probe per
 * period, not one per request. While a probe runs, others get the last answer rather than a second probe
 * (so on workerd a request waits on another request's probe only before the first answer).
 */
import type { SubmissionStore } from './store/types.ts';

/** How long a probe's answer is reused: a healthy store for 5 s, a failing one for 1 s (its recovery is seen soon). */
export const HEALTH_REUSE_MS = { ok: 5_000, failing: 1_000 };

export function healthProbe(store: Pick<SubmissionStore, 'writable'>, now: () => number = () => performance.now()) {
  let last: { ok: boolean; at: number } | undefined;
  let probing: Promise<boolean> | undefined;
  return async function writable(): Promise<boolean> {
    const t = now();
    if (last && (probing || t - last.at < (last.ok ? HEALTH_REUSE_MS.ok : HEALTH_REUSE_MS.failing))) return last.ok;
    // Before any answer (a server just started), checks arriving together share the first probe.
    if (probing) return probing;
    probing = store
      .writable()
      .catch(() => false)
      .then((ok) => ((last = { ok, at: now() }), ok))
      .finally(() => (probing = undefined));
    return probing;
  };
}

/** The release being served, for /_sante and the metrics: from a release's manifest, else the build's stamp. */
export type ServedRelease = {
  /** manifeste: fabrique-release.json of a release archive; construction: dist/fabrique-build.json. */
  source: 'manifeste' | 'construction';
  version?: string;
  commit?: string;
  /** A trial archive (npm run release -- --modifie): not the code of `commit`. */
  modifie?: true;
  mode: string;
  builtAt: string;
};

export type HealthDeps = {
  store: Pick<SubmissionStore, 'writable' | 'counters'>;
  clock: { now(): Date };
  /** Node: the last retention purge (node/jobs.ts); absent on the Worker, whose purge reports to its log. */
  purgeStatus?: () => { a: string; resultat: string; effaces?: number; cause?: string } | undefined;
  release?: () => ServedRelease | undefined;
};

/** What /_sante says (French keys, for an operator): no content, no id, no address. */
export type HealthBody = {
  ok: boolean;
  stockage: 'inscriptible' | 'indisponible';
  /** The notification backlog; null when the store cannot be read now. */
  notifications: { en_attente: number; en_echec: number; plus_ancienne_s: number | null } | null;
  purge?: { a: string; resultat: string; effaces?: number; cause?: string } | null;
  version?: {
    source: string;
    version?: string;
    commit?: string;
    modifie?: true;
    mode: string;
    construite_le: string;
    age_s: number;
  } | null;
};

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

/**
 * The answer of /_sante: the probe (reused as above) and the notification backlog, read once per reuse
 * period too (a flood of checks costs one probe and one count), the last purge and the release served.
 */
export function healthReport(deps: HealthDeps, now: () => number = () => performance.now()) {
  const writable = healthProbe(deps.store, now);
  let backlog: { at: number; value: HealthBody['notifications'] } | undefined;
  let reading: Promise<HealthBody['notifications']> | undefined;
  const notifications = async (ok: boolean): Promise<HealthBody['notifications']> => {
    if (!ok) return null;
    if (backlog && now() - backlog.at < HEALTH_REUSE_MS.ok) return backlog.value;
    reading ??= deps.store
      .counters()
      .then(({ notifications: n }): HealthBody['notifications'] => ({
        en_attente: n.pending,
        en_echec: n.failing,
        plus_ancienne_s: n.oldestPendingAt === null ? null : seconds(deps.clock.now().getTime() - Date.parse(n.oldestPendingAt)),
      }))
      .catch(() => null)
      .then((value) => ((backlog = { at: now(), value }), value))
      .finally(() => (reading = undefined));
    return reading;
  };
  return async function report(): Promise<HealthBody> {
    const ok = await writable();
    const body: HealthBody = { ok, stockage: ok ? 'inscriptible' : 'indisponible', notifications: await notifications(ok) };
    if (deps.purgeStatus) body.purge = deps.purgeStatus() ?? null;
    if (deps.release) {
      const r = deps.release();
      body.version = r
        ? {
            source: r.source,
            ...(r.version ? { version: r.version } : {}),
            ...(r.commit ? { commit: r.commit } : {}),
            ...(r.modifie ? { modifie: true as const } : {}),
            mode: r.mode,
            construite_le: r.builtAt,
            age_s: seconds(Date.now() - Date.parse(r.builtAt)),
          }
        : null;
    }
    return body;
  };
}
