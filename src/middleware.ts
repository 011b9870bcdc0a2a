/** French typography on every built page (src/lib/page-tools/typographie.ts): apostrophes, non-breaking spaces, « 1er ». */
import { defineMiddleware } from 'astro:middleware';
import { typographieHtml } from './lib/page-tools/typographie.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(typographieHtml(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
