/** Whether to answer in JSON (fetch clients) or for a browser (HTML pages and redirects). */

/** q-value of the best entry of an Accept header matching `test`, 0 when none does. */
function quality(accept: string, test: (type: string) => boolean): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    if (!test(type.trim())) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(value)) best = Math.max(best, value);
  }
  return best;
}

export function wantsJson(headers: Headers): boolean {
  if (headers.get('x-requested-with')?.toLowerCase() === 'xmlhttprequest') return true;
  const accept = headers.get('accept') ?? '';
  const json = quality(accept, (t) => t === 'application/json' || t.endsWith('+json'));
  const html = quality(accept, (t) => t === 'text/html' || t === 'application/xhtml+xml');
  if (json > html) return true;
  if (html > 0) return false;
  // No stated preference: a JSON body gets a JSON answer.
  return (headers.get('content-type') ?? '').toLowerCase().startsWith('application/json');
}
