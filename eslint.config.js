import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/, lowest first: a module imports only from its own layer and those below it.
// signing ← request, transport, vault ← importing ← diagnosis, exporting ← store ← components/ui ←
// features ← app. Each entry lists the folders a layer must not reach.
const LAYERS = [
  {
    files: 'src/signing',
    above: ['request', 'transport', 'vault', 'collections', 'importing', 'diagnosis', 'exporting'],
  },
  {
    files: 'src/request',
    above: ['transport', 'vault', 'collections', 'importing', 'diagnosis', 'exporting'],
  },
  {
    files: 'src/transport',
    above: ['request', 'vault', 'collections', 'importing', 'diagnosis', 'exporting'],
  },
  // The vault's crypto and storage (AES-GCM, Argon2id, IndexedDB): it may use transport's Base64.
  { files: 'src/vault', above: ['request', 'collections', 'importing', 'diagnosis', 'exporting'] },
  { files: 'src/collections', above: ['transport', 'importing', 'diagnosis', 'exporting'] },
  { files: 'src/importing', above: ['diagnosis', 'exporting'] },
  { files: 'src/diagnosis', above: ['exporting'] },
  { files: 'src/exporting', above: ['diagnosis'] },
  { files: 'src/store', above: [] },
  { files: 'src/components', above: ['store'] },
  { files: 'src/features', above: [] },
  { files: 'src/app', above: [] },
];
const UI_LAYERS = ['store', 'components', 'features', 'app'];

/**
 * The signing core's public surface is its index: code outside src/signing imports '…/signing',
 * never one of its modules, so the modules can change without breaking anyone.
 */
const SIGNING_INDEX_ONLY = {
  group: ['**/signing/*', '!**/signing/index'],
  message: 'Import the signing core from its index (…/signing): its modules are internal.',
};

/** The import patterns a layer may not use: every layer above it, by folder name. */
function layerPatterns(folder) {
  const layer = LAYERS.find((entry) => entry.files === folder);
  const uiIndex = UI_LAYERS.indexOf(folder.replace('src/', ''));
  const higherUi = uiIndex < 0 ? UI_LAYERS : UI_LAYERS.slice(uiIndex + 1);
  const forbidden = [...layer.above.filter((name) => !UI_LAYERS.includes(name)), ...higherUi];
  return [
    ...forbidden.map((name) => ({
      group: [`**/${name}/*`, `**/${name}/**`],
      message: `${folder} sits below src/${name}: move the shared piece down instead of importing up.`,
    })),
    ...(folder === 'src/signing' ? [] : [SIGNING_INDEX_ONLY]),
  ];
}

/** Rules that keep a folder free of React, the DOM, the network, the clock and global crypto. */
function pureModuleRules(subject, folder) {
  return {
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'zustand', 'node:*'], message: `${subject} is pure.` },
            ...layerPatterns(folder),
          ],
        },
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

const PURE_FOLDERS = [
  'src/signing',
  'src/collections',
  'src/diagnosis',
  'src/importing',
  'src/exporting',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'dist-ssr',
      'node_modules',
      'playwright-report',
      'test-results',
      '.scratch',
    ],
  },
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
  // The signing core, collections, diagnosis, importing and exporting are pure: the caller passes the clock,
  // the crypto and the answers (defaultCrypto.ts is where the signing core meets the platform).
  ...PURE_FOLDERS.map((folder) => ({
    files: [`${folder}/**/*.ts`],
    ignores: [`${folder}/**/*.test.ts`, 'src/signing/crypto/defaultCrypto.ts'],
    ...pureModuleRules(folder === 'src/signing' ? 'The signing core' : 'This module', folder),
  })),
  // Every other layer of src/ keeps to the direction of imports.
  ...LAYERS.filter((layer) => !PURE_FOLDERS.includes(layer.files)).map((layer) => ({
    files: [`${layer.files}/**/*.{ts,tsx}`],
    ignores: [`${layer.files}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(layer.files) }] },
  })),
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
  // Tests and code outside src/ reach the signing core through its index too (the layer rules
  // above do not cover them, so this block sets no-restricted-imports for them alone).
  {
    files: [
      'src/**/*.test.ts',
      'server/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'test-support/**/*.ts',
      'e2e/**/*.ts',
    ],
    ignores: ['src/signing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SIGNING_INDEX_ONLY] }] },
  },
);
