// typescript-eslint's recommended rules on our TypeScript; Astro files are checked by `astro check`.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'releases/', 'dist-worker/', '.wrangler/', '.astro/', 'node_modules/', 'content/', '**/*.astro'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
);
