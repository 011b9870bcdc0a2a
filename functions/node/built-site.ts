/**
 * The built site the Node server serves (dist/, or the link `npm run rebuild` swaps): its mode, its
 * inline-style hashes (for the CSP), its files (with the brotli and gzip copies the build wrote) and its
 * pages (for error pages). A rebuild swapped in
 * while the server runs is picked up without a restart: each request resolves the link once (one
 * readlink and one stat) and is served wholly from that build, its page with that build's CSP hashes.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILD_STAMP_FILE, parseBuildStamp, type BuildStamp } from '../build-stamp.ts';
import type { PageSource } from '../pages.ts';
import { builtPages } from './built-pages.ts';
import { builtStyleHashes, securityHeaders } from './security-headers.ts';

export function readBuildStamp(distDir: string): BuildStamp | undefined {
  try {
    return parseBuildStamp(readFileSync(path.join(distDir, BUILD_STAMP_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

type Build = { key: string; stamp?: BuildStamp; headers: MiddlewareHandler; files: MiddlewareHandler; pages: PageSource };

export function builtSite(distDir: string, onNewBuild: (stamp: BuildStamp | undefined) => void = () => {}) {
  /** The folder this request is served from, and what identifies its build (a rebuild in place rewrites the stamp). */
  const locate = () => {
    let real = distDir;
    let stampTime = 0;
    try {
      real = realpathSync(distDir);
      stampTime = statSync(path.join(real, BUILD_STAMP_FILE)).mtimeMs;
    } catch {
      /* no site built yet, or an older build without a stamp */
    }
    return { real, key: `${real}:${stampTime}` };
  };
  const load = (): Build => {
    const { real, key } = locate();
    return {
      key,
      stamp: readBuildStamp(real),
      headers: securityHeaders(builtStyleHashes(real)),
      // The build wrote a .br and a .gz beside each text file (build-compress.ts): sent as they are.
      // No site built yet: nothing to serve (and no free-text warning from serveStatic in the JSON log).
      files: existsSync(real)
        ? serveStatic({ root: path.relative(process.cwd(), real) || '.', precompressed: true })
        : (_c, next) => next(),
      pages: builtPages(real),
    };
  };
  let build = load();
  // One build per request, looked up once: its headers and its files cannot come from two builds.
  const ofRequest = new WeakMap<object, Build>();
  const current = (request?: object): Build => {
    const known = request && ofRequest.get(request);
    if (known) return known;
    if (locate().key !== build.key) {
      build = load();
      onNewBuild(build.stamp);
    }
    if (request) ofRequest.set(request, build);
    return build;
  };
  return {
    stamp: () => current().stamp,
    /** What identifies the build this request is served from. */
    key: (c: object) => current(c).key,
    headers: ((c, next) => current(c).headers(c, next)) as MiddlewareHandler,
    files: ((c, next) => current(c).files(c, next)) as MiddlewareHandler,
    pages: { get: (pagePath: string) => build.pages.get(pagePath) },
  };
}
