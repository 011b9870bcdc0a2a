/** Cross-site posts are refused whatever the encoding, JSON included (CSRF). */

export function isCrossSite(headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  // Browsers always send Origin on POST; its absence means a non-browser client, which cannot forge a user's post.
  if (origin === null) return false;
  return !allowedOrigins.includes(origin);
}
