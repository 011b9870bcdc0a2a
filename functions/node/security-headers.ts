/** The security headers (../security-headers.ts) with what Node reads from disk and its environment. */
import type { MiddlewareHandler } from 'hono';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adminConnectFrom, securityHeaders as headersFor } from '../security-headers.ts';

/** Hashes of the inline stylesheets, written by the build (src/integrations/inline-style-hashes.ts). */
export function builtStyleHashes(distDir: string): string[] {
  try {
    return JSON.parse(readFileSync(path.join(distDir, 'csp-style-hashes.json'), 'utf8')) as string[];
  } catch {
    return [];
  }
}

export const securityHeaders = (styleHashes: string[] = []): MiddlewareHandler =>
  headersFor(styleHashes, adminConnectFrom(process.env.FABRIQUE_ADMIN_CONNECT));
