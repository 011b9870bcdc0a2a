/**
 * `npm run bench -- admin [fichier-du-cms.js]`: the first load of /admin/ in Chromium, with every
 * request that leaves 127.0.0.1 blocked and listed. Serves a copy of the editor's page with the CMS
 * bundle given (default: Decap CMS from node_modules, as the build copies it) and a small
 * configuration; reports requests, bytes (raw and gzip) and the outside requests (there must be none).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_CMS = path.join(root, 'node_modules/decap-cms/dist/decap-cms.js');

export type AdminLoad = { requests: number; bytes: number; gzipBytes: number; outside: string[]; title: string; text: string };

/** A page like the editor's around the CMS bundle, with a production-like configuration (GitHub backend). */
function pageFor(bundleName: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Modifier le site</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link href="config.yml" type="text/yaml" rel="cms-config-url"></head>
<body><script src="${bundleName}"></script></body></html>`;
}

const CONFIG = `locale: fr
backend:
  name: github
  repo: exemple/site
media_folder: public/images
collections:
  - name: referents
    label: Référents
    folder: content/referents
    create: true
    fields:
      - { name: prenom, label: Prénom, widget: string }
`;

export async function measureAdminLoad(bundle: string, settle = 4000): Promise<AdminLoad> {
  const files: Record<string, { type: string; body: Buffer }> = {
    '/admin/': { type: 'text/html; charset=utf-8', body: Buffer.from(pageFor(path.basename(bundle))) },
    '/admin/config.yml': { type: 'text/yaml; charset=utf-8', body: Buffer.from(CONFIG) },
  };
  // Lazy chunks sit next to the bundle: served on demand from the same folder, as the build copies them.
  const served = async (pathname: string) => {
    if (files[pathname]) return files[pathname];
    if (!pathname.startsWith('/admin/') || pathname.includes('..')) return undefined;
    const body = await readFile(path.join(path.dirname(bundle), pathname.slice('/admin/'.length))).catch(() => undefined);
    if (!body) return undefined;
    const type = pathname.endsWith('.css')
      ? 'text/css'
      : pathname.endsWith('.js') || pathname.endsWith('.mjs')
        ? 'text/javascript'
        : 'application/octet-stream';
    return (files[pathname] = { type, body });
  };
  const server = createServer((req, res) => {
    void served(new URL(req.url ?? '/', 'http://x').pathname).then((file) =>
      file ? res.writeHead(200, { 'content-type': file.type }).end(file.body) : res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const outside: string[] = [];
  let requests = 0;
  let bytes = 0;
  let gzipBytes = 0;
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith(origin)) return;
      requests += 1;
      const body = files[new URL(request.url()).pathname]?.body;
      if (body) {
        bytes += body.length;
        gzipBytes += gzipSync(body).length;
      }
    });
    await page.goto(`${origin}/admin/`, { waitUntil: 'load' });
    await page.waitForTimeout(settle);
    return { requests, bytes, gzipBytes, outside, title: await page.title(), text: (await page.innerText('body')).slice(0, 200) };
  } finally {
    await browser.close();
    server.close();
  }
}

export function printAdminLoad(name: string, r: AdminLoad): void {
  const ko = (n: number) => `${Math.round(n / 1024).toLocaleString('fr-FR')} Ko`;
  console.log(`\n/admin/ (${name}), premier chargement :`);
  console.log(`  requêtes vers le site : ${r.requests}, octets : ${ko(r.bytes)} (${ko(r.gzipBytes)} compressés gzip)`);
  console.log(`  requêtes vers l'extérieur (bloquées) : ${r.outside.length}${r.outside.map((u) => `\n    - ${u}`).join('')}`);
  console.log(`  écran affiché : ${r.text.replace(/\s+/g, ' ').trim()}`);
}
