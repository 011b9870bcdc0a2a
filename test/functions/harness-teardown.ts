/**
 * Set up before each unit test file (vitest `setupFiles`): closes the back-ends the file opened through the
 * harness. The harness is read once per worker (isolate: false), so its own hooks would follow the first
 * file only; it leaves its closer here when loaded, and a file that never used it loads nothing.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  await (globalThis as { fabriqueCloseHarness?: () => Promise<void> }).fabriqueCloseHarness?.();
});
