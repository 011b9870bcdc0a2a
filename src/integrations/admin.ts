import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { decapConfig } from '../admin/decap-config.ts';
import { problemsPage } from '../lib/content-checks/problems-page.ts';
import { currentReport, invalidate } from '../lib/content-checks/checked-loader.ts';
import { answerProposal, fileOnDisk } from '../lib/content-checks/proposal.ts';
import { answerWarnings } from '../lib/content-checks/avertissements.ts';
import { siteStylesheet, sourceStylesheet } from '../admin/site-css.ts';
import { ADMIN_PAGE, decapDist, verifierScript } from '../admin/page.ts';

export { ADMIN_PAGE, decapDist, verifierScript } from '../admin/page.ts';

/** Writes dist/admin/: the page, the configuration generated from the schemas, Decap CMS copied from node_modules (no CDN). */
export async function writeAdmin(distDir: string, config = decapConfig()): Promise<string[]> {
  const out = path.join(distDir, 'admin');
  await mkdir(out, { recursive: true });
  const source = decapDist();
  const scripts = (await readdir(source)).filter((f) => /^(\d+\.)?decap-cms\.js$/.test(f));
  await Promise.all(scripts.map((f) => copyFile(path.join(source, f), path.join(out, f))));
  await writeFile(path.join(out, 'index.html'), ADMIN_PAGE);
  await writeFile(path.join(out, 'verifier.js'), await verifierScript());
  await writeFile(
    path.join(out, 'config.yml'),
    `# Généré par la construction depuis src/schemas/ : ne pas modifier à la main.\n${stringify(config)}`,
  );
  return ['index.html', 'config.yml', 'verifier.js', ...scripts];
}

/** After everything else (the service worker and style hashes ignore /admin/): the editor at /admin/. */
export function admin(): AstroIntegration {
  let contentDir = '';
  let root = '';
  return {
    name: 'fabrique:admin',
    hooks: {
      // `npm run dev`: the editor straight from node_modules and the schemas, with no build, so that a content
      // mistake (which stops the build) never takes the editor away; /admin/verification/ lists the mistakes.
      'astro:config:setup': ({ config }) => {
        contentDir = fileURLToPath(new URL('./content/', config.root));
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        // Form settings have no loader watching them: the verification page must see their changes too.
        for (const event of ['change', 'add', 'unlink'] as const)
          server.watcher.on(event, (file: string) => invalidate(contentDir, file));
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          const send = (type: string, body: string | Buffer) => {
            res.setHeader('Content-Type', type);
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          };
          if (url.pathname === '/admin') {
            res.statusCode = 301;
            res.setHeader('Location', '/admin/');
            return res.end();
          }
          if (url.pathname === '/admin/') return send('text/html; charset=utf-8', ADMIN_PAGE);
          if (url.pathname === '/admin/config.yml')
            return send('text/yaml; charset=utf-8', `# Généré depuis src/schemas/.\n${stringify(decapConfig())}`);
          if (url.pathname === '/admin/verifier.js')
            return void verifierScript()
              .then((js) => send('text/javascript; charset=utf-8', js))
              .catch(next);
          if (url.pathname === '/admin/fichier')
            return void fileOnDisk(contentDir, url.searchParams.get('chemin') ?? '')
              .then((text) => {
                if (text === undefined) res.statusCode = 404;
                send('text/plain; charset=utf-8', text ?? 'fichier inconnu');
              })
              .catch(next);
          if (url.pathname === '/admin/verifier' && req.method === 'POST') {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
              void answerProposal(contentDir, Buffer.concat(chunks).toString('utf8'))
                .then(({ status, problemes }) => {
                  res.statusCode = status;
                  send('application/json; charset=utf-8', JSON.stringify({ problemes }));
                })
                .catch(next);
            });
            return;
          }
          // The entry's warnings beside its fields, as the editor types (src/admin/apercu/notes-champs.ts).
          if (url.pathname === '/admin/avertissements' && req.method === 'POST') {
            const chunks: Buffer[] = [];
            req.on('data', (c: Buffer) => chunks.push(c));
            req.on('end', () => {
              void answerWarnings(contentDir, Buffer.concat(chunks).toString('utf8'))
                .then(({ status, ...answer }) => {
                  res.statusCode = status;
                  send('application/json; charset=utf-8', JSON.stringify(answer));
                })
                .catch(next);
            });
            return;
          }
          // The preview's style: the last build's when there is one, else the sources' (no build in dev).
          if (url.pathname === '/admin/site.css')
            return void siteStylesheet(path.join(root, 'dist'))
              .then(async (css) => css || sourceStylesheet(path.join(root, 'src/styles/global.css')))
              .then((css) => send('text/css; charset=utf-8', css))
              .catch(next);
          if (url.pathname === '/admin/verification/')
            return void currentReport(contentDir)
              .report.then((report) => send('text/html; charset=utf-8', problemsPage(report)))
              .catch(next);
          const script = /^\/admin\/((?:\d+\.)?decap-cms\.js)$/.exec(url.pathname)?.[1];
          if (script)
            return void readFile(path.join(decapDist(), script))
              .then((body) => send('text/javascript; charset=utf-8', body))
              .catch(next);
          next();
        });
        // First in line once the server listens: Astro puts its own dev middlewares first after this hook, and its
        // trailingSlash check answered /admin/fichier and the POST routes (no slash, no extension) with a 404.
        const stack = (server.middlewares as unknown as { stack: unknown[] }).stack;
        const ours = stack.at(-1);
        server.httpServer?.once('listening', () => {
          stack.splice(stack.indexOf(ours), 1);
          stack.unshift(ours);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files = await writeAdmin(fileURLToPath(dir));
        logger.info(`éditeur /admin/ : ${files.length} fichiers (Decap CMS, configuration générée depuis les schémas)`);
      },
    },
  };
}
