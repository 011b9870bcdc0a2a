/**
 * The page the proxy serves while the Node server is down (nginx's error_page for 502, 503 and 504,
 * EXPLOITATION.md): the emergency numbers the site shows on every page (src/lib/site/urgences.ts, the one
 * source), in one self-contained file (no stylesheet, script or image: nothing else can be fetched then).
 * `npm run build` writes it into the built site, dist/indisponible.html, so each release carries its own.
 * Usage: node functions/fallback-page.ts [distDir]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { libelleAppel, URGENCES } from '../src/lib/site/urgences.ts';

export const FALLBACK_PAGE = 'indisponible.html';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fallbackPage(): string {
  const items = URGENCES.map(
    (u) =>
      `<li><a href="${escape(u.lien)}">${escape(libelleAppel(u))}</a> — ${escape(u.nom)} <span>(${escape(u.detail)})</span></li>`,
  ).join('\n      ');
  return `<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Site momentanément indisponible — Fabrique rennaise des solidarités</title>
    <style>
      body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1a1a1a; background: #fff; }
      h1 { font-size: 1.5rem; }
      li { margin: 0.75rem 0; }
      a { color: #0b4f9c; font-weight: bold; }
      span { color: #444; }
    </style>
  </head>
  <body>
    <main>
      <h1>Le site est momentanément indisponible</h1>
      <p>Si vous avez envoyé un formulaire, il n’a peut-être pas été reçu&nbsp;: réessayez dans quelques minutes.</p>
      <h2>En cas d’urgence</h2>
      <ul>
      ${items}
      </ul>
    </main>
  </body>
</html>
`;
}

if (import.meta.main) {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  writeFileSync(path.join(distDir, FALLBACK_PAGE), fallbackPage());
}
