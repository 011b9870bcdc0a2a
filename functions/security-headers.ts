/**
 * Headers on everything the site sends, from Node (node/server.ts) and Workers (worker.ts) alike: a CSP
 * with no inline code, HSTS, no framing, no sniffing. Runtime-neutral: the caller reads the build's
 * style hashes and the /admin/ connect origins where its runtime keeps them.
 *
 * Documents (HTML) and scripts that may run as workers get the whole set. Everything else (styles, data,
 * images, calendars, form answers in JSON, scripts a page loads) gets the few headers that act on it: a
 * browser ignores a page's policies there, and on a weak connection the ~1 KB each response would carry
 * unchanged is a tenth of a first visit.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type Sources = { scriptSrc: string[]; styleSrc: string[]; imgSrc: string[]; connectSrc: string[] };
/** A policy from what differs by path; the rest is shared: nothing framed, no base or plugin, forms posted here only. */
const csp = (own: Sources) => ({
  defaultSrc: ["'self'"],
  scriptSrc: own.scriptSrc,
  styleSrc: own.styleSrc,
  imgSrc: own.imgSrc,
  fontSrc: ["'self'"],
  connectSrc: own.connectSrc,
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
});
/** Headers besides the CSP, the same on every path. */
const BASE_HEADERS = {
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  // same-origin: no address leaks to other sites (the quick exit included), and our own form posts still carry
  // their Origin header, which "no-referrer" would turn into "null".
  referrerPolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  xXssProtection: false,
} as const;

const site = (styleHashes: string[]) =>
  secureHeaders({
    ...BASE_HEADERS,
    contentSecurityPolicy: csp({
      // Pagefind's search runs WebAssembly; no inline or eval'd JavaScript is allowed.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      // The stylesheet is inlined in each page: allowed by its hash only, never 'unsafe-inline'.
      styleSrc: ["'self'", ...styleHashes],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
    }),
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

/**
 * /admin/ only (the editors' Decap CMS, never linked from public pages): it compiles its configuration
 * schema (eval), styles itself inline, and talks to decap-server on the editor's machine or to the git
 * host named by FABRIQUE_ADMIN_CONNECT (origins, separated by spaces). Every other path keeps the site's policy above.
 */
export const adminHeaders = (adminConnect: string[]) =>
  secureHeaders({
    ...BASE_HEADERS,
    contentSecurityPolicy: csp({
      scriptSrc: ["'self'", "'unsafe-eval'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'", 'http://localhost:8081', ...adminConnect],
    }),
  });

/**
 * What acts on a response that is not a document: no sniffing, not embeddable elsewhere, nothing runs in it;
 * HSTS and the referrer policy on every response, as ASVS 3.4 asks (functions/ASVS.md).
 */
const asset = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  strictTransportSecurity: BASE_HEADERS.strictTransportSecurity,
  xContentTypeOptions: 'nosniff',
  referrerPolicy: BASE_HEADERS.referrerPolicy,
  crossOriginResourcePolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * Scripts that run as workers, whose policy is the one on their own response: the service worker and
 * Pagefind's (WebAssembly). A page's scripts run under the page's policy, which theirs would not change.
 */
const WORKER_SCRIPTS = /^\/(sw\.js|pagefind\/pagefind-worker\.js)$/;
const isDocument = (type: string, path: string) => /^text\/html/.test(type) || WORKER_SCRIPTS.test(path);

/** FABRIQUE_ADMIN_CONNECT's origins, separated by spaces. */
export const adminConnectFrom = (value: string | undefined) => value?.split(' ').filter(Boolean) ?? [];

export const securityHeaders = (styleHashes: string[] = [], adminConnect: string[] = []): MiddlewareHandler => {
  const forSite = site(styleHashes);
  const forAdmin = adminHeaders(adminConnect);
  const done = async () => {};
  return async (c, next) => {
    if (c.req.path === '/admin' || c.req.path.startsWith('/admin/')) return forAdmin(c, next);
    await next();
    // The teams' inbox (functions/equipe/) sets its own stricter policy: kept as it is.
    if (c.req.path.startsWith('/equipe/') && c.res.headers.has('content-security-policy')) return;
    // A resident's private link (suivi.ts) sends no referrer at all: its address is the key to their request.
    const ownReferrer = c.req.path.startsWith('/suivi/') ? c.res.headers.get('referrer-policy') : null;
    // Hono's secureHeaders writes its headers after the handler: run it on the answer now known.
    await (isDocument(c.res.headers.get('content-type') ?? '', c.req.path) ? forSite : asset)(c, done);
    if (ownReferrer) c.res.headers.set('Referrer-Policy', ownReferrer);
  };
};
