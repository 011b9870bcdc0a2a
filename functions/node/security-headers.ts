/** Headers on everything the Node server sends: a CSP with no inline code, HSTS, no framing, no sniffing. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Hashes of the inline stylesheets, written by the build (src/integrations/inline-style-hashes.ts). */
export function builtStyleHashes(distDir: string): string[] {
  try {
    return JSON.parse(readFileSync(path.join(distDir, 'csp-style-hashes.json'), 'utf8')) as string[];
  } catch {
    return [];
  }
}

const site = (styleHashes: string[]) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Pagefind's search runs WebAssembly; no inline or eval'd JavaScript is allowed.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      // The stylesheet is inlined in each page: allowed by its hash only, never 'unsafe-inline'.
      styleSrc: ["'self'", ...styleHashes],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    // same-origin: no address leaks to other sites (the quick exit included), and our own form posts still carry
    // their Origin header, which "no-referrer" would turn into "null".
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    xXssProtection: false,
  });

/**
 * /admin/ only (the editors' Decap CMS, never linked from public pages): it compiles its configuration
 * schema (eval), styles itself inline, and talks to decap-server on the editor's machine or to the git
 * host named by FABRIQUE_ADMIN_CONNECT (origins, separated by spaces). Every other path keeps the site's policy above.
 */
const admin = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-eval'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", 'http://localhost:8081', ...(process.env.FABRIQUE_ADMIN_CONNECT?.split(' ').filter(Boolean) ?? [])],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    xXssProtection: false,
  });

export const securityHeaders = (styleHashes: string[] = []): MiddlewareHandler => {
  const forSite = site(styleHashes);
  const forAdmin = admin();
  return (c, next) => (c.req.path === '/admin' || c.req.path.startsWith('/admin/') ? forAdmin(c, next) : forSite(c, next));
};
