/** French typography on every built French page (src/lib/page-tools/typographie.ts): apostrophes, non-breaking spaces, « 1er ». */
import { defineMiddleware } from 'astro:middleware';
import { langueDuChemin } from './i18n/languages.ts';
import { typographieHtml } from './lib/page-tools/typographie.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  // French rules only on French pages: English takes no space before « : », Arabic has its own punctuation.
  if (langueDuChemin(context.url.pathname).code !== 'fr') return response;
  return new Response(typographieHtml(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
