/**
 * The server's metrics in the OpenMetrics text format (what Prometheus scrapes): counts of submissions by
 * outcome (the counters the staff command's `stats` reads), the notification backlog, the last purge, the
 * release served, open connections. Names and numbers only: never content, an id or an address. Pure: the
 * Node server gathers the snapshot and guards who may read it (node/metrics-route.ts).
 */
import type { ServedRelease } from './health.ts';
import type { ServiceCounters } from './store/types.ts';

export const METRICS_ROUTE = '/_metriques';
export const OPENMETRICS_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

export type MetricsSnapshot = {
  /** Counters kept in the store, plus those counted since their last write. */
  counters: ServiceCounters | undefined;
  writable: boolean;
  now: Date;
  purge?: { a: string; resultat: string; effaces?: number };
  release?: ServedRelease;
  startedAt: Date;
  openConnections?: number;
};

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string | undefined>) => {
  const parts = Object.entries(l)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${label(v!)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const seconds = (iso: string | Date) => (typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) / 1000;

export function openMetrics(s: MetricsSnapshot): string {
  const out: string[] = [];
  const family = (name: string, type: 'counter' | 'gauge' | 'info', help: string) =>
    out.push(`# TYPE ${name} ${type}`, `# HELP ${name} ${help}`);
  const sample = (name: string, value: number, l: Record<string, string | undefined> = {}) =>
    out.push(`${name}${labels(l)} ${Number.isFinite(value) ? value : 0}`);

  family('fabrique_stockage_inscriptible', 'gauge', 'La base a pris une écriture (1) ou non (0), comme /_sante.');
  sample('fabrique_stockage_inscriptible', s.writable ? 1 : 0);
  if (s.counters) {
    family('fabrique_envois', 'counter', 'Envois de formulaires reçus, par issue (accepte, invalide, trop_frequent…).');
    for (const [issue, n] of Object.entries(s.counters.counts).sort()) sample('fabrique_envois_total', n, { issue });
    const n = s.counters.notifications;
    family('fabrique_notifications_en_attente', 'gauge', 'Notifications pas encore envoyées.');
    sample('fabrique_notifications_en_attente', n.pending);
    family('fabrique_notifications_en_echec', 'gauge', 'Notifications en attente dont au moins un essai a échoué.');
    sample('fabrique_notifications_en_echec', n.failing);
    family(
      'fabrique_notification_plus_ancienne_secondes',
      'gauge',
      'Âge de la plus ancienne demande dont la notification attend (0 sans attente).',
    );
    sample(
      'fabrique_notification_plus_ancienne_secondes',
      n.oldestPendingAt ? Math.max(0, Math.round(s.now.getTime() / 1000 - seconds(n.oldestPendingAt))) : 0,
    );
  }
  if (s.purge) {
    family('fabrique_purge_derniere_timestamp_seconds', 'gauge', 'Heure de la dernière purge de conservation.');
    sample('fabrique_purge_derniere_timestamp_seconds', seconds(s.purge.a));
    family(
      'fabrique_purge_resultat',
      'gauge',
      'Résultat de la dernière purge : 1 pour le résultat obtenu (ok, inacheve, echec).',
    );
    for (const r of ['ok', 'inacheve', 'echec'])
      sample('fabrique_purge_resultat', s.purge.resultat === r ? 1 : 0, { resultat: r });
    family('fabrique_purge_effaces', 'gauge', 'Envois effacés par la dernière purge.');
    sample('fabrique_purge_effaces', s.purge.effaces ?? 0);
  }
  if (s.release) {
    const r = s.release;
    family('fabrique_version', 'info', 'Version servie (manifeste de la version, sinon fabrique-build.json).');
    sample('fabrique_version_info', 1, { source: r.source, version: r.version, commit: r.commit, mode: r.mode });
    family('fabrique_construction_timestamp_seconds', 'gauge', 'Heure de construction des pages servies.');
    sample('fabrique_construction_timestamp_seconds', seconds(r.builtAt));
  }
  family('fabrique_demarrage_timestamp_seconds', 'gauge', 'Heure de démarrage de ce processus.');
  sample('fabrique_demarrage_timestamp_seconds', seconds(s.startedAt));
  if (s.openConnections !== undefined) {
    family('fabrique_connexions_ouvertes', 'gauge', 'Connexions ouvertes sur ce processus.');
    sample('fabrique_connexions_ouvertes', s.openConnections);
  }
  out.push('# EOF', '');
  return out.join('\n');
}
