import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Rules that keep a folder free of React, the DOM, the network, the clock and global crypto. */
function pureModuleRules(subject) {
  return {
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'zustand', '../components/*', '../store/*', 'node:*'] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: `${subject} must not touch the DOM.` },
        { name: 'document', message: `${subject} must not touch the DOM.` },
        { name: 'fetch', message: `${subject} never sends requests.` },
        { name: 'crypto', message: 'Take a SigningCrypto instead of using global crypto.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The caller passes the time.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `${subject} never reads the clock: the caller passes the time.`,
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  {
    // The signing core is pure: no React, DOM, fetch, clock or global crypto reaches it.
    files: ['src/signing/**/*.ts'],
    ignores: ['src/signing/**/*.test.ts', 'src/signing/crypto/defaultCrypto.ts'],
    ...pureModuleRules('The signing core'),
  },
  {
    // Diagnosis, importing and exporting are pure the same way: the caller passes the clock,
    // the crypto and the answers.
    files: ['src/diagnosis/**/*.ts', 'src/importing/**/*.ts', 'src/exporting/**/*.ts'],
    ignores: [
      'src/diagnosis/**/*.test.ts',
      'src/importing/**/*.test.ts',
      'src/exporting/**/*.test.ts',
    ],
    ...pureModuleRules('This module'),
  },
  {
    files: [
      'server/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'test-support/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
