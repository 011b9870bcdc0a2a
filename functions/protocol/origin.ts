/** Cross-site posts are refused whatever the encoding, JSON included (CSRF). */

export function isCrossSite(headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  // A page with <meta name="referrer" content="no-referrer"> makes browsers send "Origin: null" on its own
  // form posts; Sec-Fetch-Site, which no page script can set, then tells us the post came from our site.
  if (origin === 'null' && headers.get('sec-fetch-site') === 'same-origin') return false;
  // Browsers always send Origin on POST; its absence means a non-browser client, which cannot forge a user's post.
  if (origin === null) return false;
  return !allowedOrigins.includes(origin);
}
