/**
 * GET /_sante for a load balancer: whether the store takes a write. The probe writes (an fsync on SQLite,
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
