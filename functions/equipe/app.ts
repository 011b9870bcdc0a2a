/**
 * The teams' inbox at /equipe/ (issue 19), a Hono sub-app of createApp: the same on Node and Workers, on
 * every store that has `equipe()`. Its own strict CSP; server-rendered French pages; scripts (passkeys,
 * opening sealed requests) from this site only, built by `npm run build` into dist/equipe/.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import { accountRoutes } from './account.ts';
import { adminRoutes } from './admin.ts';
import { rgpdRoutes } from './rgpd.ts';
import { sessionRoutes } from './sessions.ts';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { acceptFirstInvitation, invitationPath, invite } from './invitations.ts';
import { CSS, page } from './layout.ts';
import { passkeyRoutes } from './passkeys.ts';
import { requestRoutes } from './requests.ts';
import { closeSessionCookie, requireStaff, sameOrigin } from './session.ts';
import { sha256 } from './tokens.ts';
import { droitsDe } from '../editeur/droits.ts';
import { passage } from '../editeur/entree.ts';

export type { EquipeDeps } from './deps.ts';

/** Nothing from another site, nothing inline; scripts, styles and requests to this origin only. */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  xXssProtection: false,
});

/** Paths for signed-in staff only (roles are checked by each route). */
const SIGNED_IN = [
  '/compte',
  '/compte/*',
  '/demandes',
  '/demandes/*',
  '/deconnexion',
  '/editeur',
  '/deconnexion-partout',
  '/journal',
  '/journal.csv',
  '/personnes',
  '/personnes/*',
  '/rgpd',
  '/rgpd/*',
  '/sessions',
  '/sessions/*',
];

export function createEquipeApp(deps: EquipeDeps) {
  const app = new Hono<EquipeEnv>();
  app.use('*', headers);
  app.use('*', async (c, next) => {
    await next();
    // Pages with requests on them: never kept by a browser or a proxy.
    if (!c.req.path.endsWith('.css') && !c.req.path.endsWith('.js')) c.header('Cache-Control', 'no-store');
  });
  app.use('*', sameOrigin(deps));

  app.get('/equipe.css', (c) =>
    c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );

  const frame = (title: string, scripts?: string[]) => ({ title, demonstration: deps.demonstration, scripts });
  app.get('/', (c) => c.redirect('/equipe/demandes', 303));
  app.get('/connexion', (c) =>
    c.html(
      page(
        frame('Connexion', ['connexion']),
        html`<p>
            L’espace équipe s’ouvre avec une clé d’accès (passkey) : l’empreinte, le code ou la clé de sécurité de votre appareil.
            Il n’y a pas de mot de passe.
          </p>
          <form id="connexion"><button>Se connecter avec ma clé d’accès</button></form>
          <p id="message" role="status"></p>
          <noscript><p class="erreur">La connexion par clé d’accès demande JavaScript.</p></noscript>
          <p>Clé perdue ou nouvel appareil : demandez une nouvelle invitation à un administrateur.</p>
          ${
            deps.demonstration
              ? html`<h2>Démonstration</h2>
                  <form method="post" action="/equipe/demonstration">
                    <button class="second">Créer un compte administrateur de démonstration</button>
                  </form>`
              : ''
          }`,
      ),
    ),
  );
  app.get('/invitation/:token', async (c) => {
    await acceptFirstInvitation(deps.equipe, deps.firstInvitation, c.req.param('token'), deps.clock.now());
    const invitation = await deps.equipe.invitation(await sha256(c.req.param('token')), deps.clock.now().toISOString());
    const staff = invitation ? await deps.equipe.staff(invitation.staffId) : undefined;
    if (!staff)
      return c.html(
        page(
          frame('Invitation'),
          html`<p class="erreur">
            Cette invitation est inconnue, déjà utilisée ou expirée. Demandez-en une nouvelle à un administrateur.
          </p>`,
        ),
        404,
      );
    return c.html(
      page(
        frame('Invitation', ['connexion']),
        html`<p>
            Bonjour ${staff.name}. Créez votre clé d’accès à l’espace équipe sur cet appareil. Si vous en aviez une, elle sera
            remplacée.
          </p>
          <form id="inscription" data-jeton="${c.req.param('token')}"><button>Créer ma clé d’accès</button></form>
          <p id="message" role="status"></p>
          <noscript><p class="erreur">La création d’une clé d’accès demande JavaScript.</p></noscript>`,
      ),
    );
  });
  if (deps.demonstration)
    app.post('/demonstration', async (c) => {
      const n = Math.floor(Math.random() * 1e6);
      const { token } = await invite(
        deps.equipe,
        {
          name: `Administratrice de démonstration ${n}`,
          email: `demo-${n}@exemple.invalid`,
          role: 'administrateur',
          teams: [],
          quartiers: [],
        },
        'demonstration',
        deps.clock.now(),
      );
      return c.redirect(invitationPath(token), 303);
    });
  app.route('/', passkeyRoutes(deps));

  for (const path of SIGNED_IN) app.use(path, requireStaff(deps));
  // The site's editor, on its own origin: a one-time pass there (functions/editeur/entree.ts).
  app.get('/editeur', async (c) => {
    const origin = deps.editeur?.();
    const staff = c.get('staff');
    if (!origin)
      return c.html(
        page(
          { ...frame('Éditeur du site'), staff },
          html`<p>
            Ce serveur n’héberge pas l’éditeur du site : le contenu se modifie par la forge du projet (voir le guide des
            éditeurs).
          </p>`,
        ),
        404,
      );
    if (droitsDe(staff).size === 0)
      return c.html(
        page(
          { ...frame('Éditeur du site'), staff },
          html`<p>
            Votre compte n’a pas accès à l’éditeur. Un administrateur peut vous ajouter, sur la page « Personnes », à l’équipe «
            redaction » (écrire des brouillons) ou « relecture » (relire et publier).
          </p>`,
        ),
        403,
      );
    return c.redirect(`${origin}/admin/entree?jeton=${await passage(deps, staff.id)}`, 303);
  });
  app.post('/deconnexion', async (c) => {
    await deps.equipe.endSession(c.get('sessionHash'));
    await deps.equipe.audit({ at: deps.clock.now().toISOString(), staffId: c.get('staff').id, action: 'deconnexion' });
    closeSessionCookie(c);
    return c.redirect('/equipe/connexion', 303);
  });
  app.post('/deconnexion-partout', async (c) => {
    const n = await deps.equipe.endSessionsOf(c.get('staff').id);
    await deps.equipe.audit({
      at: deps.clock.now().toISOString(),
      staffId: c.get('staff').id,
      action: 'deconnexion_partout',
      detail: String(n),
    });
    closeSessionCookie(c);
    return c.redirect('/equipe/connexion', 303);
  });
  app.route('/', requestRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', sessionRoutes(deps));
  app.route('/', adminRoutes(deps));
  const erase = deps.erase;
  if (erase) app.route('/', rgpdRoutes({ ...deps, erase }));
  return app;
}
