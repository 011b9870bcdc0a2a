/**
 * Training sessions as a team sees them (issue 19, item 5, first part): per session, the places taken and the
 * waiting list in the order received; a printable attendance sheet (A4) and a CSV export. Sign-ups of a form
 * this person may not see are left out; every export is audited. Moving someone to a freed place is not yet here.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { InboxRequest } from '../store/equipe-types.ts';
import { canSee } from './access.ts';
import { csvLine } from '../export/csv.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { page } from './layout.ts';

const FORM = 'inscription-formation';
type Person = { id: string; prenom: string; nom: string; email: string; telephone: string; structure: string };
const person = (r: InboxRequest): Person => {
  const v = JSON.parse(r.clearJson ?? '{}') as Record<string, string>;
  return {
    id: r.id,
    prenom: v.prenom ?? '',
    nom: v.nom ?? '',
    email: v.email ?? '',
    telephone: v.telephone ?? '',
    structure: v.structure ?? '',
  };
};

export function sessionRoutes(deps: EquipeDeps) {
  const app = new Hono<EquipeEnv>();
  const signUps = async (c: Context<EquipeEnv>) =>
    (await deps.equipe.requests(FORM)).filter((r) => r.sessionKey && r.clearJson && canSee(c.get('staff'), r, deps.settings));
  const sessionOf = (key: string) => {
    const [formationId, sessionId] = key.split('/');
    const formation = deps.content.formations.find((f) => f.id === formationId);
    const session = formation?.sessions.find((s) => s.id === sessionId);
    return formation && session ? { formation, session, key } : undefined;
  };
  const frame = (c: Context<EquipeEnv>, title: string) => ({ title, staff: c.get('staff'), demonstration: deps.demonstration });

  app.get('/sessions', async (c) => {
    const all = await signUps(c);
    const keys = [...new Set(all.map((r) => r.sessionKey!))].sort();
    return c.html(
      page(
        frame(c, 'Sessions de formation'),
        html`${keys.length === 0 ? html`<p>Aucune inscription.</p>` : ''}
          <ul>
            ${keys.map((k) => {
              const s = sessionOf(k);
              const placed = all.filter((r) => r.sessionKey === k && !r.waitingList).length;
              const waiting = all.filter((r) => r.sessionKey === k && r.waitingList).length;
              return html`<li>
                <a href="/equipe/sessions/${k}">${s ? `${s.formation.titre} — ${s.session.date} ${s.session.creneau}` : k}</a> :
                ${placed} inscrit(s)${s ? ` sur ${s.session.capacite} places` : ''}, ${waiting} en liste d’attente
              </li>`;
            })}
          </ul>`,
      ),
    );
  });

  const load = async (c: Context<EquipeEnv>) => {
    const key = `${c.req.param('formation')}/${c.req.param('session')}`;
    const rows = (await signUps(c)).filter((r) => r.sessionKey === key);
    return {
      key,
      info: sessionOf(key),
      placed: rows.filter((r) => !r.waitingList).map(person),
      waiting: rows.filter((r) => r.waitingList).map(person),
    };
  };

  app.get('/sessions/:formation/:session', async (c) => {
    const { key, info, placed, waiting } = await load(c);
    const title = info ? `${info.formation.titre} — ${info.session.date}` : `Session ${key}`;
    const table = (caption: string, people: Person[]) =>
      html`<div class="tableau" tabindex="0" role="region" aria-label="${caption}">
        <table>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Ordre</th>
              <th scope="col">Nom</th>
              <th scope="col">Structure</th>
              <th scope="col">E-mail</th>
              <th scope="col">Demande</th>
            </tr>
          </thead>
          <tbody>
            ${people.map(
              (p, i) =>
                html`<tr>
                  <td>${i + 1}</td>
                  <td>${p.prenom} ${p.nom}</td>
                  <td>${p.structure}</td>
                  <td>${p.email}</td>
                  <td><a href="/equipe/demandes/${p.id}">${p.id.slice(0, 8)}</a></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    return c.html(
      page(
        frame(c, title),
        html`<p>${placed.length} inscrit(s)${info ? ` sur ${info.session.capacite} places, ${info.session.creneau}` : ''}.</p>
          <p>
            <a href="/equipe/sessions/${key}/emargement">Feuille d’émargement (A4, à imprimer)</a> ·
            <a href="/equipe/sessions/${key}/inscriptions.csv" download>Exporter (CSV)</a>
          </p>
          ${table('Places', placed)}
          <h2>Liste d’attente (dans l’ordre d’arrivée)</h2>
          ${waiting.length ? table('Liste d’attente', waiting) : html`<p>Personne en liste d’attente.</p>`}`,
      ),
    );
  });

  app.get('/sessions/:formation/:session/emargement', async (c) => {
    const { key, info, placed } = await load(c);
    await deps.equipe.audit({
      at: deps.clock.now().toISOString(),
      staffId: c.get('staff').id,
      action: 'export',
      target: key,
      detail: 'emargement',
    });
    return c.html(
      page(
        frame(c, `Émargement — ${info ? `${info.formation.titre}, ${info.session.date} ${info.session.creneau}` : key}`),
        html`<table class="emargement">
          <caption>
            Feuille d’émargement
          </caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Structure</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            ${placed.map(
              (p) =>
                html`<tr>
                  <td>${p.prenom} ${p.nom}</td>
                  <td>${p.structure}</td>
                  <td></td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      ),
    );
  });

  app.get('/sessions/:formation/:session/inscriptions.csv', async (c) => {
    const { key, placed, waiting } = await load(c);
    await deps.equipe.audit({
      at: deps.clock.now().toISOString(),
      staffId: c.get('staff').id,
      action: 'export',
      target: key,
      detail: 'csv',
    });
    const lines = [csvLine(['liste', 'ordre', 'prenom', 'nom', 'structure', 'email', 'telephone', 'demande'])];
    for (const [list, people] of [
      ['place', placed],
      ['attente', waiting],
    ] as const)
      people.forEach((p, i) =>
        lines.push(csvLine([list, String(i + 1), p.prenom, p.nom, p.structure, p.email, p.telephone, p.id])),
      );
    c.header('Content-Disposition', 'attachment; filename="inscriptions.csv"');
    return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  return app;
}
