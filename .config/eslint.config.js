// typescript-eslint's type-checked rules on our TypeScript, no import cycles, and no `node:*` where the Worker or
// the browser runs. Astro files are checked by `astro check`; types per runtime by .config/tsconfig.*.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import eslint from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file the entries reach through relative imports: what runs wherever they run. */
function reachedFrom(entries) {
  const seen = new Set();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file) || !existsSync(path.join(root, file))) continue;
    seen.add(file);
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[^']+\.[jt]s)'/g))
      todo.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return [...seen];
}

// The components' browser scripts: every .ts of src/components/ but tests and build-time data (names.ts).
const browserScripts = readdirSync(path.join(root, 'src/components'), { recursive: true, encoding: 'utf8' })
  .map((f) => `src/components/${f.split(path.sep).join('/')}`)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('/names.ts'));
const workerFiles = reachedFrom(['functions/worker.ts']);
const browserFiles = reachedFrom(browserScripts);
const noNode = (where) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex: '^node:', message: `${where} : pas de module Node ici (voir src/README.md).` }] },
  ],
});

export default tseslint.config(
  {
    ignores: ['dist/', 'data/', 'releases/', 'dist-worker/', '.wrangler/', '.astro/', 'node_modules/', 'content/', '**/*.astro'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['.config/vitest.config.ts', '.config/vitest-sequencer.ts'] },
        tsconfigRootDir: root,
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.js', '.mjs'] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // An async function without await is how a synchronous implementation (SQLite) meets an async contract.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Plain JavaScript has no types to check (the service worker's two files, configuration).
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read `await response.json()` (any) and assert on its shape: that is the test, not a leak of any.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  { files: workerFiles, rules: noNode('Ce fichier tourne aussi dans le Worker (functions/worker.ts)') },
  { files: browserFiles, rules: noNode('Ce fichier tourne dans le navigateur') },
);
