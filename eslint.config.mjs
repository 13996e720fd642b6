import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.cache/**',
      'custom-elements.json',
      'test/fixtures/*/dist/**',
      '**/.next/**',
      '**/.astro/**',
      '**/.angular/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/elements/**/*.ts', 'test/helpers/**/*.ts', 'test/browser/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/elements/**/*.ts', 'test/helpers/**/*.ts', 'test/browser/**/*.ts'],
    ...wc.configs['flat/best-practice'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/no-template-arrow': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: [
      'demo/**/*.{ts,mjs,js}',
      'scripts/**/*.mjs',
      'wordpress/dev/**/*.ts',
      'test/wordpress/**/*.ts',
      'test/node/**/*.ts',
      'src/server/**/*.ts',
      '*.config.{mjs,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The token-route templates run on the platforms' edges: Web APIs, plus each one's own.
    files: ['templates/**/*.{js,ts}'],
    languageOptions: {
      globals: { ...globals.browser, Deno: 'readonly', Netlify: 'readonly', process: 'readonly' },
    },
  },
  {
    // The WordPress blocks' editor script: a plain script over WordPress's globals.
    files: ['wordpress/reactor-elements/assets/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
