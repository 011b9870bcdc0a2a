/**
 * Training sessions as a team sees them (issue 19, item 5, first part): per session, the places taken and the
 * waiting list in the order received; a printable attendance sheet (A4) and a CSV export; a freed place given
 * to a waiting person, and the whole session cancelled, both plain forms (the inbox's same-origin check guards
 * every POST), audited, the people told by e-mail through the outbox when they gave an address. Sign-ups of a
 * form this person may not see are left out.
 * A session the site's content says is cancelled (an editor ticked « Session annulée », issue 22, item 7) while
 * people are still signed up is marked in the list, and its page puts the cancel-and-tell form first: ticking
 * the box tells nobody.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { InboxRequest } from '../store/equipe-types.ts';
import { canSee } from './access.ts';
import { csvLine } from '../export/csv.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { formText } from './form-text.ts';
import { page } from './layout.ts';
import { countSession, type SessionCounts } from './session-counts.ts';
import { formatDate, todayInRennes } from '../../src/lib/time/dates.ts';

const FORM = 'inscription-formation';
type Person = {
  id: string;
  prenom: string;
  nom: string;
  email: string;
  telephone: string;
  structure: string;
  reason?: string;
};
const person = (r: InboxRequest): Person => {
  const v = JSON.parse(r.clearJson ?? '{}') as Record<string, string>;
  return {
    id: r.id,
    prenom: v.prenom ?? '',
    nom: v.nom ?? '',
    email: v.email ?? '',
    telephone: v.telephone ?? '',
    structure: v.structure ?? '',
    reason: r.reason,
  };
};

/** « 1 personne inscrite », « 3 personnes inscrites ». */
const personnes = (n: number, adjectif: string) => `${n} personne${n > 1 ? 's' : ''} ${adjectif}${n > 1 ? 's' : ''}`;
/** The day of an ISO time in Rennes, day first (« 15 janvier 2027 »); never the pinned day of the tests' builds. */
const dayOf = (iso: string) => formatDate(todayInRennes(new Date(iso), {}));

/** What the list says of a session the site shows as cancelled: people still to tell, or told on a day. */
function cancelledOnSite(n: SessionCounts) {
  const left = n.inscrits + n.attente;
  if (left > 0)
    return html`<strong class="retard"
      >Annulée sur le site : ${personnes(left, 'inscrite')} à
      prévenir${n.attente ? ` (dont ${n.attente} en liste d’attente)` : ''}</strong
    >`;
  if (n.prevenus > 0)
    return html`<strong
      >Annulée sur le site :
      ${personnes(n.prevenus, 'prévenue')}${n.prevenusLe ? ` le ${dayOf(n.prevenusLe)}` : ''}${
        n.sansAdresse ? `, dont ${n.sansAdresse} sans adresse e-mail, à prévenir autrement` : ''
      }</strong
    >`;
  return '';
}

/** The motif offered when the site already shows the session as cancelled. */
const MOTIF_SITE = 'annoncée sur le site';

const cancelForm = (key: string, motif = '') =>
  html`<form method="post" action="/equipe/sessions/${key}/annuler">
    <p>
      Chaque personne inscrite ou en liste d’attente est prévenue par e-mail quand elle a donné une adresse ; les autres restent
      listées ici, à prévenir autrement.
    </p>
    <label for="motif">Motif (facultatif, 300 caractères au plus)</label>
    <input id="motif" name="motif" maxlength="300" value="${motif}" />
    <p>
      <input type="checkbox" id="confirmer" name="confirmer" value="oui" required />
      <label for="confirmer">Je confirme l’annulation de cette session</label>
    </p>
    <button type="submit">Annuler la session et prévenir les personnes</button>
  </form>`;

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
    const sessions = keys.map((k) => ({ key: k, info: sessionOf(k), n: countSession(all, k) }));
    // Cancelled on the site, people still signed up: nobody has told them yet.
    const toTell = sessions.filter((s) => s.info?.session.annulee && s.n.inscrits + s.n.attente > 0);
    return c.html(
      page(
        frame(c, 'Sessions de formation'),
        html`${keys.length === 0 ? html`<p>Aucune inscription.</p>` : ''}
          ${
            toTell.length
              ? html`<p class="erreur">
                  ${toTell.length > 1 ? `${toTell.length} sessions sont annulées` : 'Une session est annulée'} sur le site alors
                  que des personnes y sont encore inscrites : elles n’en savent rien tant que vous ne les prévenez pas. Ouvrez
                  ${toTell.length > 1 ? 'chacune' : 'la session'} pour les prévenir.
                </p>`
              : ''
          }
          <ul>
            ${sessions.map(({ key: k, info: s, n }) => {
              return html`<li>
                <a href="/equipe/sessions/${k}">${s ? `${s.formation.titre} — ${s.session.date} ${s.session.creneau}` : k}</a> :
                ${n.inscrits} inscrit(s)${s ? ` sur ${s.session.capacite} places` : ''}, ${n.attente} en liste d’attente
                ${s?.session.annulee ? html`<br />${cancelledOnSite(n)}` : ''}
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
      placed: rows.filter((r) => !r.cancelled && !r.waitingList).map(person),
      waiting: rows.filter((r) => !r.cancelled && r.waitingList).map(person),
      cancelled: rows.filter((r) => r.cancelled).map(person),
      counts: countSession(rows, key),
    };
  };

  app.get('/sessions/:formation/:session', async (c) => {
    const { key, info, placed, waiting, cancelled, counts } = await load(c);
    const title = info ? `${info.formation.titre} — ${info.session.date}` : `Session ${key}`;
    // The places offered online, as the sign-up counts them (the form's `place`), not the room's capacity;
    // none in a session the site shows as cancelled.
    const free = info && !info.session.annulee ? info.session.places_restantes - placed.length : 0;
    const notice = c.req.query('message');
    // The site's content says the session is cancelled (an editor ticked « Session annulée »).
    const onSite = info?.session.annulee === true;
    const table = (caption: string, people: Person[], give = false) =>
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
              ${give ? html`<th scope="col">Place libérée</th>` : ''}
            </tr>
          </thead>
          <tbody>
            ${people.map(
              (p, i) =>
                html`<tr>
                  <td>${i + 1}</td>
                  <td data-brut>${p.prenom} ${p.nom}</td>
                  <td data-brut>${p.structure}</td>
                  <td data-brut>${p.email}</td>
                  <td><a href="/equipe/demandes/${p.id}">${p.id.slice(0, 8)}</a></td>
                  ${
                    give
                      ? html`<td>
                          <form method="post" action="/equipe/sessions/${key}/place">
                            <input type="hidden" name="demande" value="${p.id}" />
                            <button type="submit">Donner la place libérée à ${p.prenom} ${p.nom}</button>
                          </form>
                        </td>`
                      : ''
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    const cancelledTable = html`<div class="tableau" tabindex="0" role="region" aria-label="Inscriptions annulées">
      <table>
        <caption>
          Inscriptions annulées
        </caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Motif</th>
            <th scope="col">Prévenu·e</th>
            <th scope="col">Téléphone</th>
            <th scope="col">Demande</th>
          </tr>
        </thead>
        <tbody>
          ${cancelled.map(
            (p) =>
              html`<tr>
                <td data-brut>${p.prenom} ${p.nom}</td>
                <td>${p.reason ?? ''}</td>
                <td>
                  ${
                    !p.reason?.startsWith('session annulée')
                      ? '—'
                      : p.email
                        ? 'par e-mail'
                        : html`<strong>non : pas d’adresse, à prévenir autrement</strong>`
                  }
                </td>
                <td>${p.telephone}</td>
                <td><a href="/equipe/demandes/${p.id}">${p.id.slice(0, 8)}</a></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
    return c.html(
      page(
        frame(c, title),
        html`${notice ? html`<p role="status" class="message">${notice}</p>` : ''}
          ${
            onSite && placed.length + waiting.length
              ? html`<div class="erreur">
                  <h2>Session annulée sur le site</h2>
                  <p>
                    La session est annulée sur le site. Les personnes inscrites n’en savent rien tant que vous ne les prévenez
                    pas.
                  </p>
                  ${cancelForm(key, MOTIF_SITE)}
                </div>`
              : onSite && counts.prevenus
                ? html`<p class="info">${cancelledOnSite(counts)}.</p>`
                : ''
          }
          <p>${placed.length} inscrit(s)${info ? ` sur ${info.session.capacite} places, ${info.session.creneau}` : ''}.</p>
          <p>
            <a href="/equipe/sessions/${key}/emargement">Feuille d’émargement (A4, à imprimer)</a> ·
            <a href="/equipe/sessions/${key}/inscriptions.csv" download>Exporter (CSV)</a>
          </p>
          ${table('Places', placed)}
          <h2>Liste d’attente (dans l’ordre d’arrivée)</h2>
          ${
            free > 0 && waiting.length
              ? html`<p>
                  ${free} place(s) libre(s) : donnez-la à la première personne de la liste ou à celle de votre choix ; elle est
                  prévenue par e-mail si elle a donné une adresse.
                </p>`
              : ''
          }
          ${waiting.length ? table('Liste d’attente', waiting, free > 0) : html`<p>Personne en liste d’attente.</p>`}
          ${cancelled.length ? cancelledTable : ''}
          ${
            placed.length + waiting.length && !onSite
              ? html`<h2>Annuler la session</h2>
                  ${cancelForm(key)}`
              : ''
          }`,
      ),
    );
  });

  const back = (c: Context<EquipeEnv>, key: string, message: string) =>
    c.redirect(`/equipe/sessions/${key}?message=${encodeURIComponent(message)}`, 303);

  app.post('/sessions/:formation/:session/place', async (c) => {
    const { key, info, waiting } = await load(c);
    const id = formText((await c.req.parseBody()).demande);
    const chosen = waiting.find((p) => p.id === id);
    if (!info || !chosen) return back(c, key, 'Cette personne n’est plus en liste d’attente.');
    if (info.session.annulee) return back(c, key, 'Cette session est annulée sur le site : il n’y a pas de place à donner.');
    const staff = c.get('staff');
    const at = deps.clock.now().toISOString();
    const given = await deps.equipe.giveFreedPlace({
      submissionId: chosen.id,
      sessionKey: key,
      capacity: info.session.places_restantes,
      staffId: staff.id,
      at,
    });
    if (!given) return back(c, key, 'Aucune place n’est libre : rien n’a changé.');
    await deps.equipe.audit({ at, staffId: staff.id, action: 'place', target: chosen.id, detail: key });
    if (chosen.email) await deps.equipe.tellPerson(chosen.id, chosen.email, 'place-attribuee', at);
    return back(
      c,
      key,
      `Place donnée à ${chosen.prenom} ${chosen.nom}${chosen.email ? ', prévenu·e par e-mail' : ' (pas d’adresse e-mail : à prévenir autrement)'}.`,
    );
  });

  app.post('/sessions/:formation/:session/annuler', async (c) => {
    const { key, placed, waiting } = await load(c);
    const form = await c.req.parseBody();
    const motif = formText(form.motif).trim();
    if (formText(form.confirmer) !== 'oui' || motif.length > 300)
      return back(c, key, 'Cochez la confirmation (et un motif de 300 caractères au plus) pour annuler la session.');
    const staff = c.get('staff');
    // Only a person who sees every sign-up of the session cancels it (the store cancels them all).
    const all = (await deps.equipe.requests(FORM)).filter((r) => r.sessionKey === key && !r.cancelled);
    if (all.length !== placed.length + waiting.length)
      return back(c, key, 'Vous ne voyez pas toutes les inscriptions de cette session.');
    const at = deps.clock.now().toISOString();
    const ids = await deps.equipe.cancelSession({
      sessionKey: key,
      staffId: staff.id,
      at,
      reason: motif ? `session annulée : ${motif}` : 'session annulée',
    });
    const people = [...placed, ...waiting].filter((p) => ids.includes(p.id));
    for (const p of people) if (p.email) await deps.equipe.tellPerson(p.id, p.email, 'session-annulee', at);
    const untold = people.filter((p) => !p.email).length;
    await deps.equipe.audit({
      at,
      staffId: staff.id,
      action: 'annulation_session',
      target: key,
      detail: `${ids.length} inscription(s)`,
    });
    return back(
      c,
      key,
      `Session annulée : ${people.length - untold} personne(s) prévenue(s) par e-mail${untold ? `, ${untold} à prévenir autrement (voir ci-dessous)` : ''}.`,
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
                  <td data-brut>${p.prenom} ${p.nom}</td>
                  <td data-brut>${p.structure}</td>
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
