/** The inbox's page frame: French, a skip link, the demonstration banner on every page, one small stylesheet. */
import { droitsDe } from '../editeur/droits.ts';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { StaffMember } from '../store/equipe-types.ts';
import { DEMONSTRATION_KEY_FILE } from './demonstration.ts';

export type Frame = { title: string; staff?: StaffMember; demonstration: boolean; scripts?: string[] };
type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

export function page(frame: Frame, body: Content) {
  const admin = frame.staff?.role === 'administrateur';
  return html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>${frame.title} — Espace équipe${frame.demonstration ? ' (démonstration)' : ''}</title>
        <link rel="stylesheet" href="/equipe/equipe.css" />
        ${(frame.scripts ?? []).map((s) => html`<script type="module" src="/equipe/${s}.js"></script>`)}
      </head>
      <body>
        <a class="evitement" href="#contenu">Aller au contenu</a>
        <header>
          <p class="marque">Fabrique rennaise des solidarités — Espace équipe</p>
          ${
            frame.demonstration
              ? html`<p class="demo" role="note">
                  <strong>Démonstration</strong> : données et comptes d’essai, rien n’est réel. Les demandes scellées le sont avec
                  une clé d’équipe d’exemple, publiée dans le dépôt (<code>${DEMONSTRATION_KEY_FILE}</code>) : elle ne protège
                  rien.
                </p>`
              : ''
          }
          ${
            frame.staff
              ? html`<nav aria-label="Espace équipe">
                  <ul>
                    <li><a href="/equipe/demandes">Demandes</a></li>
                    <li><a href="/equipe/sessions">Sessions</a></li>
                    <li><a href="/equipe/compte">Mon compte</a></li>
                    ${droitsDe(frame.staff).size ? html`<li><a href="/equipe/editeur">Modifier le site</a></li>` : ''}
                    ${
                      admin
                        ? html`<li><a href="/equipe/personnes">Personnes</a></li>
                            <li><a href="/equipe/journal">Journal</a></li>`
                        : ''
                    }
                  </ul>
                  <p>${frame.staff.name} (${ROLE_LABELS[frame.staff.role]})</p>
                  <form method="post" action="/equipe/deconnexion"><button>Se déconnecter</button></form>
                  <form method="post" action="/equipe/deconnexion-partout"><button>Se déconnecter partout</button></form>
                </nav>`
              : ''
          }
        </header>
        <main id="contenu" tabindex="-1">
          <h1>${frame.title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

export const ROLE_LABELS = { administrateur: 'administrateur', membre: 'membre d’équipe', referent: 'référent' } as const;

/** The one stylesheet: readable at 320 px, visible focus, AA contrast. */
export const CSS = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
header,main{max-width:70rem;margin:0 auto;padding:.75rem 1rem}
header{border-bottom:2px solid #005a9c}
.marque{font-weight:700;margin:0}
.demo{background:#fff3c4;border:2px solid #8a6100;padding:.5rem;margin:.5rem 0}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:.5rem 0}
nav p,nav form{display:inline-block;margin:0 .5rem .5rem 0}
a{color:#004a80}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.evitement{position:absolute;left:-999rem}
.evitement:focus{position:static}
button{font:inherit;padding:.4rem .8rem;border:2px solid #005a9c;background:#005a9c;color:#fff;border-radius:.25rem;cursor:pointer}
button.second{background:#fff;color:#004a80}
input,select,textarea{font:inherit;padding:.35rem;border:1px solid #595959;border-radius:.25rem;max-width:100%}
label{display:block;font-weight:600;margin-top:.5rem}
.aide{margin:0 0 .5rem 1.75rem;color:#404040}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem;border-bottom:1px solid #ccc;vertical-align:top}
.tableau{overflow-x:auto}
.retard{color:#a30000;font-weight:700}
.erreur{border-left:4px solid #a30000;padding:.5rem;background:#fdecec}
.info{border-left:4px solid #005a9c;padding:.5rem;background:#eaf3fb}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem}
dt{font-weight:600}
dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
fieldset{border:1px solid #ccc;margin:1rem 0}
.filtres{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}
.filtres>div{min-width:0;max-width:100%}
@media print{@page{size:A4;margin:15mm}nav,form,.evitement,.demo{display:none}.emargement td{height:12mm}}
.emargement{width:100%}.emargement td:last-child{width:40%}
`;
