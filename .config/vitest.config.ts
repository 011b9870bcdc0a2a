import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects: `unit` runs in seconds on sources; `e2e` drives Chromium against the built site (dist/).
export default defineConfig({
  root,
  test: {
    // The repository's forms have example recipients and keys: in production they refuse submissions
    // (src/lib/forms/mode.ts). Tests run the demonstration mode, as `npm start` does; the production
    // mode's own tests ask for it by name.
    env: { FABRIQUE_DEMONSTRATION: 'oui' },
    projects: [
      {
        root,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/functions/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        root,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
