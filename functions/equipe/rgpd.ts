/**
 * RGPD access and erasure requests (articles 15 and 17), by an administrator: find a person's requests by the
 * e-mail or phone they gave, export them, erase them. Audited before they happen; an erasure that could not
 * finish (SQLite: a reader kept the WAL) is said so. Sealed requests cannot be searched here (the server cannot
 * read them): they are found by opening them in the browser.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { InboxRequest } from '../store/equipe-types.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { page } from './layout.ts';
import { formTitle } from './values.ts';
import { formText, formTexts } from './form-text.ts';

const digits = (s: string) => s.replace(/\D/g, '');

/** Requests whose clear values hold this e-mail (any case) or this phone number (digits only, 9 or more). */
export function matches(request: InboxRequest, wanted: string): boolean {
  if (!request.clearJson) return false;
  const values = Object.values(JSON.parse(request.clearJson) as Record<string, unknown>)
    .flat()
    .map(String);
  const email = wanted.includes('@') ? wanted.toLowerCase() : undefined;
  const phone = !email && digits(wanted).length >= 9 ? digits(wanted).slice(-9) : undefined;
  return values.some((v) => (email ? v.toLowerCase() === email : phone ? digits(v).endsWith(phone) : false));
}

export function rgpdRoutes(deps: EquipeDeps & { erase: NonNullable<EquipeDeps['erase']> }) {
  const app = new Hono<EquipeEnv>();
  const frame = (c: Context<EquipeEnv>) => ({
    title: 'Droits des personnes (RGPD)',
    staff: c.get('staff'),
    demonstration: deps.demonstration,
  });
  const find = async (wanted: string) => (wanted ? (await deps.equipe.requests()).filter((r) => matches(r, wanted)) : []);

  app.get('/rgpd', async (c) => {
    const wanted = (c.req.query('personne') ?? '').trim().slice(0, 254);
    const found = await find(wanted);
    if (wanted)
      await deps.equipe.audit({
        at: deps.clock.now().toISOString(),
        staffId: c.get('staff').id,
        action: 'lecture',
        target: 'rgpd',
        detail: `${found.length} demande(s)`,
      });
    return c.html(
      page(
        frame(c),
        html`<p>
            Pour une demande d’accès ou d’effacement : retrouvez les demandes d’une personne par l’adresse e-mail ou le téléphone
            qu’elle a donnés, exportez-les, effacez-les.
          </p>
          <p class="info">
            Les demandes scellées ne peuvent pas être cherchées par le serveur : ouvrez-les dans la liste (formulaire, date) pour
            les retrouver, puis effacez-les d’ici par leur numéro.
          </p>
          <form method="get" action="/equipe/rgpd" role="search" aria-label="Chercher les demandes d’une personne">
            <label for="personne">E-mail ou téléphone</label>
            <input id="personne" name="personne" value="${wanted}" maxlength="254" autocomplete="off" required />
            <button>Chercher</button>
          </form>
          ${
            wanted
              ? html`<h2>${found.length} demande(s) trouvée(s)</h2>
                  <form method="post" action="/equipe/rgpd/action">
                    <ul>
                      ${found.map(
                        (r) =>
                          html`<li>
                            <label
                              ><input type="checkbox" name="ids" value="${r.id}" checked /> ${r.id} — ${formTitle(r.formKey)},
                              ${r.receivedAt.slice(0, 10)}</label
                            >
                          </li>`,
                      )}
                    </ul>
                    <label for="autres">Autres numéros de demande (scellées), séparés par des espaces</label>
                    <input id="autres" name="autres" maxlength="2000" />
                    <button name="action" value="exporter">Exporter (JSON)</button>
                    <label><input type="checkbox" name="confirmer" value="oui" /> Je confirme l’effacement définitif</label>
                    <button name="action" value="effacer" class="second">Effacer</button>
                  </form>`
              : ''
          }`,
      ),
    );
  });

  app.post('/rgpd/action', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const staff = c.get('staff');
    const ids = [
      ...new Set(
        [...formTexts(form.ids), ...formText(form.autres).split(/\s+/)].filter((id) => /^[A-Za-z0-9_-]{1,80}$/.test(id)),
      ),
    ];
    const requests = (await Promise.all(ids.map((id) => deps.equipe.request(id)))).filter((r): r is InboxRequest => Boolean(r));
    const at = deps.clock.now().toISOString();
    if (!requests.length)
      return c.html(
        page(
          frame(c),
          html`<p class="erreur" role="alert">Aucune demande choisie, ou déjà effacée.</p>
            <p><a href="/equipe/rgpd">Retour</a></p>`,
        ),
        400,
      );
    if (form.action === 'exporter') {
      // Written before the export leaves: an export that is not in the journal never happens.
      for (const r of requests)
        await deps.equipe.audit({ at, staffId: staff.id, action: 'export', target: r.id, detail: 'rgpd' });
      const out = await Promise.all(
        requests.map(async (r) => ({
          id: r.id,
          formulaire: r.formKey,
          recue: r.receivedAt,
          etat: r.state,
          ...(r.clearJson ? { valeurs: JSON.parse(r.clearJson) as unknown } : { scellee: 'à ouvrir avec la clé de l’équipe' }),
          historique: await deps.equipe.history(r.id),
        })),
      );
      c.header('Content-Disposition', 'attachment; filename="demandes-personne.json"');
      c.header('Cache-Control', 'no-store');
      return c.body(JSON.stringify(out, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
    }
    if (form.action !== 'effacer' || form.confirmer !== 'oui')
      return c.html(
        page(
          frame(c),
          html`<p class="erreur" role="alert">Cochez « Je confirme l’effacement définitif » pour effacer.</p>
            <p><a href="/equipe/rgpd">Retour</a></p>`,
        ),
        400,
      );
    for (const r of requests)
      await deps.equipe.audit({ at, staffId: staff.id, action: 'suppression', target: r.id, detail: 'rgpd' });
    const result = await deps.erase(requests.map((r) => r.id));
    return c.html(
      page(
        frame(c),
        html`<p role="status">
            ${result.erased} demande(s) effacée(s), avec leur état, leurs notes et leur historique. Le journal garde la trace de
            l’effacement, sans contenu.
          </p>
          ${
            result.clean
              ? ''
              : html`<p class="erreur" role="alert">
                  Effacement pas terminé : une lecture en cours empêche de vider le journal de la base (WAL). Il sera fini à la
                  prochaine purge ; relancez dans quelques minutes.
                </p>`
          }
          <p><a href="/equipe/rgpd">Nouvelle recherche</a></p>`,
      ),
    );
  });
  return app;
}
