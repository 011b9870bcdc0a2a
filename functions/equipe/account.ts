/**
 * « Mon compte » (/equipe/compte): each person's own page, where they choose how they hear of new requests
 * (one e-mail each, a daily digest, none: notify/staff-notices.ts). A plain form, posted from this site only
 * (sameOrigin, as every inbox form); no JavaScript.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { NOTIFY_MODES, type NotifyMode } from '../store/equipe-types.ts';
import { DIGEST_HOUR } from '../notify/staff-notices.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { page, ROLE_LABELS } from './layout.ts';

const MODE_LABELS: Record<NotifyMode, { label: string; hint: string }> = {
  immediat: {
    label: 'Un e-mail à chaque nouvelle demande',
    hint: 'le message de l’équipe, pour chaque demande que vous pouvez voir ; sans contenu pour un formulaire scellé.',
  },
  quotidien: {
    label: 'Un résumé par jour',
    hint: `vers ${DIGEST_HOUR} h, le nombre de demandes par formulaire et des liens : aucune réponse des personnes, rien des formulaires scellés ; pas de message les jours sans nouveauté.`,
  },
  aucun: {
    label: 'Aucun e-mail',
    hint: 'vous consultez l’espace équipe vous-même ; la boîte de l’équipe reçoit toujours ses messages.',
  },
};

export function accountRoutes(deps: EquipeDeps) {
  const app = new Hono<EquipeEnv>();

  app.get('/compte', async (c) => {
    const staff = c.get('staff');
    const { mode } = await deps.equipe.notifySetting(staff.id);
    const saved = c.req.query('enregistre') === '1';
    return c.html(
      page(
        { title: 'Mon compte', staff, demonstration: deps.demonstration },
        html`${saved ? html`<p class="info" role="status">Votre choix est enregistré.</p>` : ''}
          <p><span data-brut>${staff.name}, ${staff.email}</span> — ${ROLE_LABELS[staff.role]}.</p>
          <h2>Notifications</h2>
          <form method="post" action="/equipe/compte/notifications">
            <fieldset>
              <legend>Comment voulez-vous être prévenu·e des nouvelles demandes ?</legend>
              ${NOTIFY_MODES.map(
                (m) =>
                  html`<label
                      ><input type="radio" name="mode" value="${m}" ${m === mode ? 'checked' : ''} aria-describedby="aide-${m}" />
                      ${MODE_LABELS[m].label}</label
                    >
                    <p class="aide" id="aide-${m}">${MODE_LABELS[m].hint}</p>`,
              )}
            </fieldset>
            <button>Enregistrer</button>
          </form>`,
      ),
    );
  });

  app.post('/compte/notifications', async (c) => {
    const form = await c.req.parseBody();
    const mode = form.mode;
    if (typeof mode !== 'string' || !NOTIFY_MODES.includes(mode as NotifyMode))
      return c.text('Choix inconnu : revenez à la page « Mon compte ».', 400);
    await deps.equipe.setNotifyMode(c.get('staff').id, mode as NotifyMode, deps.clock.now().toISOString());
    return c.redirect('/equipe/compte?enregistre=1', 303);
  });

  return app;
}
