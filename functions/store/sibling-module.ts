/**
 * Where a worker thread's module is (Node server): beside the calling file, as `.ts` in the repository, or as
 * `.js` beside `server.js` in a release, where `npm run release` bundled each thread's module (functions/release.ts).
 */
export const siblingModule = (name: string, from: string): URL =>
  new URL(`./${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
