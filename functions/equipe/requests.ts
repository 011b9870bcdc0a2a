/**
 * The requests: the list per form with counts by state, filters and search over clear values; one request,
 * clear or sealed (opened in the browser, never here); taking, answering, closing, notes, handing over.
 * Every reading and change is audited; a request this person may not see answers 404.
 */
import { EQUIPES_EDITION } from '../editeur/droits.ts';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { toBase64url } from '../seal/suite.ts';
import { REQUEST_STATES, type InboxRequest, type RequestStateName } from '../store/equipe-types.ts';
import { TEAM_NAME } from '../seal/keys.ts';
import { canSee, overdue, promisedDays, quartierOf, teamOf, teamOfForm } from './access.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { page } from './layout.ts';
import { formTitle, labelled, labelsOf, searchable } from './values.ts';
import { formText } from './form-text.ts';

export const STATE_LABELS: Record<RequestStateName, string> = {
  nouveau: 'Nouvelle',
  en_cours: 'En cours',
  repondu: 'Répondue',
  clos: 'Close',
};
const PER_PAGE = 100;
const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
const B64 = /^[A-Za-z0-9_-]{1,100000}$/;

export function requestRoutes(deps: EquipeDeps) {
  const app = new Hono<EquipeEnv>();
  const frame = (c: Context<EquipeEnv>, title: string, scripts?: string[]) => ({
    title,
    staff: c.get('staff'),
    demonstration: deps.demonstration,
    scripts,
  });
  const visible = async (c: Context<EquipeEnv>) =>
    (await deps.equipe.requests()).filter((r) => canSee(c.get('staff'), r, deps.settings));
  const quartierName = (id: string | undefined) => deps.content.quartiers.find((q) => q.id === id)?.nom ?? id ?? '';
  const staffNames = async () => new Map((await deps.equipe.allStaff()).map((s) => [s.id, s.name]));

  app.get('/demandes', async (c) => {
    const now = deps.clock.now();
    const all = await visible(c);
    const q = c.req.query();
    const formKey = q.formulaire || undefined;
    const state = REQUEST_STATES.includes(q.etat as RequestStateName) ? (q.etat as RequestStateName) : undefined;
    const search = (q.recherche ?? '').trim().toLocaleLowerCase('fr').slice(0, 200);
    const shown = all.filter(
      (r) =>
        (!formKey || r.formKey === formKey) &&
        (!state || r.state === state) &&
        (!q.quartier || quartierOf(r) === q.quartier) &&
        (!q.retard || overdue(r, now)) &&
        (!search || searchable(r.clearJson).includes(search)),
    );
    const pageNo = Math.max(1, Math.min(1000, Number.parseInt(q.page ?? '1', 10) || 1));
    const rows = shown.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    const formKeys = [...new Set(all.map((r) => r.formKey))].sort();
    const names = await staffNames();
    const count = (k: string, s?: RequestStateName) => all.filter((r) => r.formKey === k && (!s || r.state === s)).length;
    const more = new URLSearchParams({ ...q, page: String(pageNo + 1) }).toString();
    const body = html` <section aria-labelledby="compteurs">
        <h2 id="compteurs">Par formulaire</h2>
        <div class="tableau" tabindex="0" role="region" aria-label="Tableau, défilant sur petit écran">
          <table>
            <caption>
              Nombre de demandes par état
            </caption>
            <thead>
              <tr>
                <th scope="col">Formulaire</th>
                ${REQUEST_STATES.map((s) => html`<th scope="col">${STATE_LABELS[s]}</th>`)}
                <th scope="col">En retard</th>
              </tr>
            </thead>
            <tbody>
              ${formKeys.map(
                (k) =>
                  html`<tr>
                    <th scope="row"><a href="/equipe/demandes?formulaire=${k}">${formTitle(k)}</a></th>
                    ${REQUEST_STATES.map((s) => html`<td>${count(k, s)}</td>`)}
                    <td>${all.filter((r) => r.formKey === k && overdue(r, now)).length}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <form method="get" action="/equipe/demandes" class="filtres" role="search" aria-label="Filtrer les demandes">
        <div>
          <label for="f-formulaire">Formulaire</label
          ><select id="f-formulaire" name="formulaire">
            <option value="">Tous</option>
            ${formKeys.map((k) => html`<option value="${k}" ${k === formKey ? 'selected' : ''}>${formTitle(k)}</option>`)}
          </select>
        </div>
        <div>
          <label for="f-etat">État</label
          ><select id="f-etat" name="etat">
            <option value="">Tous</option>
            ${REQUEST_STATES.map((s) => html`<option value="${s}" ${s === state ? 'selected' : ''}>${STATE_LABELS[s]}</option>`)}
          </select>
        </div>
        <div>
          <label for="f-quartier">Quartier</label
          ><select id="f-quartier" name="quartier">
            <option value="">Tous</option>
            ${deps.content.quartiers.map(
              (x) => html`<option value="${x.id}" ${x.id === q.quartier ? 'selected' : ''}>${x.nom}</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="f-recherche">Rechercher (demandes non scellées)</label
          ><input id="f-recherche" name="recherche" type="search" value="${q.recherche ?? ''}" maxlength="200" />
        </div>
        <div>
          <label><input type="checkbox" name="retard" value="1" ${q.retard ? 'checked' : ''} /> En retard seulement</label>
        </div>
        <div><button>Filtrer</button></div>
      </form>
      <h2 id="liste">Demandes (${shown.length})</h2>
      ${shown.length === 0 ? html`<p>Aucune demande ne correspond.</p>` : ''}
      <div class="tableau" tabindex="0" role="region" aria-label="Tableau, défilant sur petit écran">
        <table aria-labelledby="liste">
          <thead>
            <tr>
              <th scope="col">N°</th>
              <th scope="col">Formulaire</th>
              <th scope="col">Reçue le (UTC)</th>
              <th scope="col">État</th>
              <th scope="col">Quartier</th>
              <th scope="col">Contenu</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <td><a href="/equipe/demandes/${r.id}">${r.id}</a></td>
                  <td>${formTitle(r.formKey)}</td>
                  <td>${day(r.receivedAt)}${overdue(r, now) ? html` <span class="retard">en retard</span>` : ''}</td>
                  <td>
                    ${STATE_LABELS[r.state]}${r.assigneeId ? ` (${names.get(r.assigneeId) ?? r.assigneeId})` : ''}${r.waitingList ? ' — liste d’attente' : ''}
                  </td>
                  <td>${quartierName(quartierOf(r))}</td>
                  <td data-brut>${r.sealed ? 'Scellée' : summary(r)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pageNo * PER_PAGE < shown.length ? html`<p><a href="/equipe/demandes?${more}">Demandes suivantes</a></p>` : ''}`;
    return c.html(page(frame(c, 'Demandes'), body));
  });

  const load = async (c: Context<EquipeEnv>) => {
    const request = await deps.equipe.request(c.req.param('id') ?? '');
    return request && canSee(c.get('staff'), request, deps.settings) ? request : undefined;
  };
  const notFound = (c: Context<EquipeEnv>) =>
    c.html(
      page(
        frame(c, 'Demande introuvable'),
        html`<p>Cette demande n’existe pas, a été effacée, ou ne vous est pas confiée.</p>
          <p><a href="/equipe/demandes">Retour aux demandes</a></p>`,
      ),
      404,
    );

  app.get('/demandes/:id', async (c) => {
    const request = await load(c);
    if (!request) return notFound(c);
    const staff = c.get('staff');
    const now = deps.clock.now();
    await deps.equipe.audit({ at: now.toISOString(), staffId: staff.id, action: 'lecture', target: request.id });
    const sealed = request.sealed ? await deps.equipe.sealedBytes(request.id) : undefined;
    const settings = deps.settings[request.formKey];
    const publicKey = settings?.cle_equipe ? settings.cles_publiques?.[settings.cle_equipe] : undefined;
    const [history, notes, names] = await Promise.all([
      deps.equipe.history(request.id),
      deps.equipe.notes(request.id),
      staffNames(),
    ]);
    const who = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
    const error = c.req.query('erreur');
    const body = html` ${error ? html`<p class="erreur" role="alert">${error}</p>` : ''}
      <dl>
        <dt>Formulaire</dt>
        <dd>${formTitle(request.formKey)}</dd>
        <dt>Reçue le (UTC)</dt>
        <dd>${day(request.receivedAt)}</dd>
        <dt>État</dt>
        <dd>
          ${STATE_LABELS[request.state]}${request.assigneeId ? ` — pris par ${who(request.assigneeId)}` : ''}${request.reason ? ` — motif : ${request.reason}` : ''}
        </dd>
        <dt>Délai promis</dt>
        <dd>
          ${promisedDays(request.formKey)} jour(s)${overdue(request, now) ? html` — <span class="retard">en retard</span>` : ''}
        </dd>
        <dt>Équipe</dt>
        <dd>${teamOf(request, deps.settings)}</dd>
        <dt>Quartier</dt>
        <dd>${quartierName(quartierOf(request)) || '—'}</dd>
        ${
          request.waitingList !== undefined
            ? html`<dt>Place</dt>
                <dd>${request.waitingList ? 'Liste d’attente' : 'Place confirmée'}</dd>`
            : ''
        }
      </dl>
      <h2>Contenu</h2>
      ${
        request.clearJson
          ? html`<dl>
              ${labelled(request.formKey, request.clearJson, deps.content).map(
                ([k, v]) =>
                  html`<dt>${k}</dt>
                    <dd data-brut>${v}</dd>`,
              )}
            </dl>`
          : html`<div
              id="scelle"
              data-id="${request.id}"
              data-form="${request.formKey}"
              data-cle="${sealed?.keyId ?? ''}"
              data-enc="${sealed ? toBase64url(sealed.encapsulatedKey) : ''}"
              data-ct="${sealed ? toBase64url(sealed.ciphertext) : ''}"
              data-libelles="${JSON.stringify(labelsOf(request.formKey, deps.content))}"
            >
              <p class="info">
                Cette demande est scellée pour l’équipe (clé ${sealed?.keyId}). Elle s’ouvre dans ce navigateur avec le fichier de
                clé de l’équipe ; ni la clé ni le contenu ne sont envoyés au serveur.
              </p>
              <form id="ouvrir">
                <label for="fichier-cle">Fichier de clé de l’équipe</label>
                <input id="fichier-cle" type="file" accept=".json,application/json" />
                <label><input type="checkbox" id="garder-cle" /> Garder la clé dans ce navigateur (non exportable)</label>
                <button type="submit">Ouvrir la demande</button>
              </form>
              <p id="etat-ouverture" role="status"></p>
              <dl id="clair" hidden></dl>
              <noscript
                ><p class="erreur">
                  Ouvrir une demande scellée demande JavaScript : le déchiffrement se fait dans le navigateur.
                </p></noscript
              >
            </div>`
      }
      <h2>Traiter</h2>
      <form method="post" action="/equipe/demandes/${request.id}/etat">
        <button name="action" value="prendre">Je la prends</button>
        <button name="action" value="repondre" class="second">Marquer répondue</button>
      </form>
      <form method="post" action="/equipe/demandes/${request.id}/etat">
        <label for="raison">Motif de clôture (obligatoire pour clore)</label>
        <input id="raison" name="raison" maxlength="300" required />
        <button name="action" value="clore">Clore la demande</button>
      </form>
      <h2>Transmettre à une autre équipe</h2>
      <form method="post" action="/equipe/demandes/${request.id}/transmettre">
        <label for="equipe">Équipe</label>
        <select id="equipe" name="equipe">
          ${teams(deps).map((t) => html`<option value="${t}">${t}</option>`)}
        </select>
        <label for="quartier">Quartier (pour ses référents)</label>
        <select id="quartier" name="quartier">
          <option value="">Aucun</option>
          ${deps.content.quartiers.map((x) => html`<option value="${x.id}">${x.nom}</option>`)}
        </select>
        <button>Transmettre</button>
      </form>
      <h2>Notes privées</h2>
      ${notes.length === 0 ? html`<p>Aucune note.</p>` : ''}
      <ul>
        ${notes.map(
          (n) =>
            html`<li>
              ${day(n.at)}, ${who(n.staffId)} :
              ${typeof n.text === 'string' ? html`<span data-brut>${n.text}</span>` : html`<span class="note-scellee" data-id="${request.id}" data-cle="${n.sealed!.keyId}" data-enc="${n.sealed!.encapsulatedKey}" data-ct="${n.sealed!.ciphertext}">note scellée</span>`}
            </li>`,
        )}
      </ul>
      <form
        method="post"
        action="/equipe/demandes/${request.id}/note"
        id="note"
        ${request.sealed ? html`data-scellee="1" data-cle="${settings?.cle_equipe ?? ''}" data-cle-publique="${publicKey ?? ''}"` : ''}
      >
        <label for="texte">Nouvelle note${request.sealed ? ' (scellée dans ce navigateur avant l’envoi)' : ''}</label>
        <textarea id="texte" name="texte" rows="3" maxlength="2000" required></textarea>
        <input type="hidden" name="cle" /><input type="hidden" name="enc" /><input type="hidden" name="ct" />
        <button>Ajouter la note</button>
      </form>
      <h2>Historique</h2>
      ${history.length === 0 ? html`<p>Aucun changement.</p>` : ''}
      <ul>
        ${history.map((e) => html`<li>${day(e.at)}, ${who(e.staffId)} : ${e.kind === 'transmission' ? 'transmise à' : 'état'} ${e.detail ?? ''}</li>`)}
      </ul>
      <p><a href="/equipe/demandes">Retour aux demandes</a></p>`;
    return c.html(page(frame(c, `Demande n° ${request.id}`, request.sealed ? ['ouvrir'] : undefined), body));
  });

  const back = (c: Context, id: string, error?: string) =>
    c.redirect(`/equipe/demandes/${id}${error ? `?erreur=${encodeURIComponent(error)}` : ''}`, 303);

  app.post('/demandes/:id/etat', async (c) => {
    const request = await load(c);
    if (!request) return notFound(c);
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const action = formText(form.action);
    const reason = formText(form.raison).trim();
    const at = deps.clock.now().toISOString();
    const change =
      action === 'prendre'
        ? { state: 'en_cours' as const, assigneeId: staff.id }
        : action === 'repondre'
          ? { state: 'repondu' as const, assigneeId: request.assigneeId ?? staff.id }
          : action === 'clore' && reason && reason.length <= 300
            ? { state: 'clos' as const, assigneeId: request.assigneeId, reason }
            : undefined;
    if (!change)
      return back(
        c,
        request.id,
        action === 'clore' ? 'Indiquez le motif de clôture (300 caractères au plus).' : 'Action inconnue.',
      );
    await deps.equipe.changeState({ submissionId: request.id, staffId: staff.id, at, ...change });
    await deps.equipe.audit({ at, staffId: staff.id, action: 'changement_etat', target: request.id, detail: change.state });
    return back(c, request.id);
  });

  app.post('/demandes/:id/note', async (c) => {
    const request = await load(c);
    if (!request) return notFound(c);
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const at = deps.clock.now().toISOString();
    const [cle, enc, ct] = [form.cle, form.enc, form.ct].map((v) => (typeof v === 'string' ? v : ''));
    const text = typeof form.texte === 'string' ? form.texte.trim() : '';
    if (request.sealed) {
      // A note on a sealed request is sealed in the browser: clear text is refused, never stored.
      if (text || !cle || !B64.test(enc!) || !B64.test(ct!))
        return back(
          c,
          request.id,
          'La note d’une demande scellée doit être scellée dans le navigateur (JavaScript nécessaire) ; elle n’a pas été enregistrée.',
        );
      await deps.equipe.addNote({
        submissionId: request.id,
        staffId: staff.id,
        at,
        sealed: { keyId: cle.slice(0, 100), encapsulatedKey: enc!, ciphertext: ct! },
      });
    } else {
      if (!text || text.length > 2000) return back(c, request.id, 'Écrivez une note de 2 000 caractères au plus.');
      await deps.equipe.addNote({ submissionId: request.id, staffId: staff.id, at, text });
    }
    await deps.equipe.audit({ at, staffId: staff.id, action: 'note', target: request.id });
    return back(c, request.id);
  });

  app.post('/demandes/:id/transmettre', async (c) => {
    const request = await load(c);
    if (!request) return notFound(c);
    const staff = c.get('staff');
    const form = await c.req.parseBody();
    const team = formText(form.equipe);
    const quartier = formText(form.quartier) || undefined;
    if (!TEAM_NAME.test(team) || team.length > 60 || (quartier && !deps.content.quartiers.some((q) => q.id === quartier)))
      return back(c, request.id, 'Choisissez une équipe et un quartier de la liste.');
    const at = deps.clock.now().toISOString();
    await deps.equipe.route(request.id, staff.id, at, team, quartier);
    await deps.equipe.audit({
      at,
      staffId: staff.id,
      action: 'transmission',
      target: request.id,
      detail: quartier ? `${team} · ${quartier}` : team,
    });
    // Handed elsewhere, it may leave this person's sight: back to the list then.
    const still = await load(c);
    return still ? back(c, request.id) : c.redirect('/equipe/demandes', 303);
  });
  return app;
}

/** Teams known from the forms' keys, the general one, and the editor's (editeur/droits.ts). */
export const teams = (deps: EquipeDeps) =>
  [...new Set(['fabrique', ...EQUIPES_EDITION, ...Object.values(deps.settings).map((s) => teamOfForm(s))])].sort();

function summary(r: InboxRequest): string {
  const values = Object.values(JSON.parse(r.clearJson ?? '{}') as Record<string, unknown>)
    .flat()
    .join(' · ');
  return values.length > 80 ? `${values.slice(0, 79)}…` : values;
}
