import { defineConfig } from 'vitest/config';

// Two projects: fast tests with no build, and end-to-end tests on a built dist/ (run `npm run build` first).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/functions/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser and one server at a time: this box has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
