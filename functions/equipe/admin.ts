/** Administrators only: the audit log (read, exported as CSV) and people with their invitations (recovery included). */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { csvLine } from '../export/csv.ts';
import { ROLES, type Role } from '../store/equipe-types.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { invitationPath, invite, reinvite } from './invitations.ts';
import { page, ROLE_LABELS } from './layout.ts';
import { teams } from './requests.ts';
import { formText, formTexts } from './form-text.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export function adminRoutes(deps: EquipeDeps) {
  const app = new Hono<EquipeEnv>();
  // Paths, not '*': mounted at the inbox's root, a '*' would cover the sign-in pages too.
  for (const path of ['/journal', '/journal.csv', '/personnes', '/personnes/*', '/rgpd', '/rgpd/*'])
    app.use(path, async (c, next) => {
      // Signed-in staff only reach here (requireStaff); without one, refused all the same.
      if (c.get('staff')?.role !== 'administrateur')
        return c.html(
          page(
            { title: 'Accès réservé', staff: c.get('staff'), demonstration: deps.demonstration },
            html`<p>Cette page est réservée aux administrateurs.</p>`,
          ),
          403,
        );
      await next();
    });
  const frame = (c: Context<EquipeEnv>, title: string) => ({ title, staff: c.get('staff'), demonstration: deps.demonstration });

  app.get('/journal', async (c) => {
    const before = Number.parseInt(c.req.query('avant') ?? '', 10);
    const entries = await deps.equipe.auditLog(200, Number.isFinite(before) ? before : undefined);
    const names = new Map((await deps.equipe.allStaff()).map((s) => [s.id, s.name]));
    const last = entries.at(-1)?.id;
    return c.html(
      page(
        frame(c, 'Journal'),
        html`<p>
            Qui a ouvert, exporté, changé, transmis ou effacé quoi, et quand. Le journal ne se modifie pas ; il est gardé plus
            longtemps que les demandes.
          </p>
          <p><a href="/equipe/journal.csv" download>Exporter le journal (CSV)</a></p>
          <div class="tableau" tabindex="0" role="region" aria-label="Tableau, défilant sur petit écran">
            <table>
              <caption>
                200 dernières lignes
              </caption>
              <thead>
                <tr>
                  <th scope="col">Quand (UTC)</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Action</th>
                  <th scope="col">Sur</th>
                  <th scope="col">Détail</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (e) =>
                    html`<tr>
                      <td>${e.at.slice(0, 19).replace('T', ' ')}</td>
                      <td>${names.get(e.staffId) ?? e.staffId}</td>
                      <td>${e.action}</td>
                      <td>${e.target ?? ''}</td>
                      <td>${e.detail ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${entries.length === 200 && last ? html`<p><a href="/equipe/journal?avant=${last}">Lignes plus anciennes</a></p>` : ''}`,
      ),
    );
  });

  app.get('/journal.csv', async (c) => {
    const staff = c.get('staff');
    const at = deps.clock.now().toISOString();
    await deps.equipe.audit({ at, staffId: staff.id, action: 'export', target: 'journal' });
    const lines = [csvLine(['id', 'quand', 'qui', 'action', 'sur', 'detail'])];
    let before: number | undefined;
    for (;;) {
      const entries = await deps.equipe.auditLog(1000, before);
      for (const e of entries) lines.push(csvLine([String(e.id), e.at, e.staffId, e.action, e.target ?? '', e.detail ?? '']));
      if (entries.length < 1000) break;
      before = entries.at(-1)!.id;
    }
    c.header('Content-Disposition', 'attachment; filename="journal-espace-equipe.csv"');
    c.header('Cache-Control', 'no-store');
    return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  const peoplePage = async (c: Context<EquipeEnv>, notice?: ReturnType<typeof html>, status: 200 | 400 = 200) => {
    const people = await deps.equipe.allStaff();
    const known = teams(deps);
    return c.html(
      page(
        frame(c, 'Personnes'),
        html`${notice ?? ''}
          <div class="tableau" tabindex="0" role="region" aria-label="Tableau, défilant sur petit écran">
            <table>
              <caption>
                Personnes de l’espace équipe
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Équipes</th>
                  <th scope="col">Quartiers</th>
                  <th scope="col">Clé perdue ?</th>
                </tr>
              </thead>
              <tbody>
                ${people.map(
                  (p) =>
                    html`<tr>
                      <td data-brut>${p.name}</td>
                      <td data-brut>${p.email}</td>
                      <td>${ROLE_LABELS[p.role]}</td>
                      <td>${p.teams.join(', ')}</td>
                      <td>${p.quartiers.join(', ')}</td>
                      <td>
                        <form method="post" action="/equipe/personnes/${p.id}/invitation">
                          <button class="second" aria-label="Nouvelle invitation pour ${p.name}">Nouvelle invitation</button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          <h2>Inviter une personne</h2>
          <form method="post" action="/equipe/personnes">
            <label for="nom">Nom</label><input id="nom" name="nom" required maxlength="100" autocomplete="off" />
            <label for="email">E-mail</label
            ><input id="email" name="email" type="email" required maxlength="254" autocomplete="off" />
            <label for="role">Rôle</label
            ><select id="role" name="role">
              ${ROLES.map((r) => html`<option value="${r}">${ROLE_LABELS[r]}</option>`)}
            </select>
            <fieldset>
              <legend>Équipes (membres d’équipe)</legend>
              ${known.map((t) => html`<label><input type="checkbox" name="equipes" value="${t}" /> ${t}</label>`)}
            </fieldset>
            <fieldset>
              <legend>Quartiers (référents)</legend>
              ${deps.content.quartiers.map((q) => html`<label><input type="checkbox" name="quartiers" value="${q.id}" /> ${q.nom}</label>`)}
            </fieldset>
            <button>Créer l’invitation</button>
          </form>`,
      ),
      status,
    );
  };
  const linkNotice = (c: Context, token: string, who: string, renewed: boolean) => {
    const link = `${new URL(c.req.url).origin}${invitationPath(token)}`;
    return html`<div class="info" role="status">
      <p>
        Invitation ${renewed ? 'renouvelée (ses anciennes clés d’accès seront remplacées)' : 'créée'} pour ${who}. Transmettez ce
        lien à la personne seulement ; il sert une fois, 7 jours :
      </p>
      <p><code>${link}</code></p>
    </div>`;
  };

  app.get('/personnes', (c) => peoplePage(c));
  app.post('/personnes', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const name = formText(form.nom).trim();
    const email = formText(form.email).trim().toLowerCase();
    const role = formText(form.role) as Role;
    const chosenTeams = formTexts(form.equipes).filter((t) => teams(deps).includes(t));
    const quartiers = formTexts(form.quartiers).filter((q) => deps.content.quartiers.some((x) => x.id === q));
    if (!name || name.length > 100 || !EMAIL.test(email) || !ROLES.includes(role))
      return peoplePage(c, html`<p class="erreur" role="alert">Indiquez un nom, une adresse e-mail valide et un rôle.</p>`, 400);
    const { staff, token, renewed } = await invite(
      deps.equipe,
      { name, email, role, teams: chosenTeams, quartiers },
      c.get('staff').id,
      deps.clock.now(),
    );
    await deps.equipe.audit({
      at: deps.clock.now().toISOString(),
      staffId: c.get('staff').id,
      action: 'personne',
      target: staff.id,
      detail: role,
    });
    return peoplePage(c, linkNotice(c, token, staff.name, renewed));
  });
  app.post('/personnes/:id/invitation', async (c) => {
    const staff = await deps.equipe.staff(c.req.param('id'));
    if (!staff) return peoplePage(c, html`<p class="erreur" role="alert">Personne inconnue.</p>`, 400);
    const token = await reinvite(deps.equipe, staff.id, c.get('staff').id, deps.clock.now());
    return peoplePage(c, linkNotice(c, token, staff.name, true));
  });
  return app;
}
