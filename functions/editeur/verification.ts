/**
 * The editor's check before a save and its read of a file as it stands (src/admin/verifier.ts, keep-format.ts):
 * POST /admin/verifier runs every check of the build with the proposed file in place, GET /admin/fichier gives a
 * file of content/. Mounted by the editor on the project's server (app.ts) and, without it, by `npm start`.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const proposal = () => import('../../src/lib/content-checks/proposal.ts');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app: the routes read no variable of theirs
export function routesDeVerification(app: Hono<any>, contentDir: string): void {
  app.post('/admin/verifier', bodyLimit({ maxSize: 256 * 1024 }), async (c) => {
    const { status, problemes } = await (await proposal()).answerProposal(contentDir, await c.req.text());
    return c.json({ problemes }, status as 200 | 400);
  });
  app.get('/admin/fichier', async (c) => {
    const text = await (await proposal()).fileOnDisk(contentDir, c.req.query('chemin') ?? '');
    c.header('Cache-Control', 'no-store');
    return text === undefined ? c.text('fichier inconnu', 404) : c.text(text);
  });
}
