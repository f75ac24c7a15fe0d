// Lint: typescript-eslint with type information, plus the architecture rule of
// docs/architecture.md: core folders (model, engine, analysis, history, calibrate, exercise)
// never import edge folders, and src/contracts (the API's shapes, shared by the server and the
// web) is as pure as the core. docs/architecture.md explains every rule below and why it exists.
import tseslint from 'typescript-eslint';

export const CORE_FOLDERS = ['model', 'engine', 'analysis', 'history', 'calibrate', 'exercise'];
/** The core folders each core folder may import (besides itself). @type {Record<string, string[]>} */
const CORE_LAYERS = {
  model: [],
  engine: ['model'],
  history: ['model'],
  analysis: ['model', 'engine'],
  calibrate: ['model', 'engine', 'history'],
  exercise: ['model', 'engine', 'history'],
};
export const EDGE_FOLDERS = ['cli', 'server', 'web', 'store', 'jobs', 'report', 'data'];
/**
 * The files src/contracts may import besides zod and its own: the input language, and the core's
 * schemas of what the API answers (a run's result, a case, an insight's topics, the metrics). Nothing else of
 * the core, and no edge: the web bundles every contract.
 */
const CONTRACT_IMPORTS = [
  'src/model/index.ts',
  'src/engine/result.ts',
  'src/history/caseSchema.ts',
  'src/history/insights/insight.ts',
  'src/analysis/outcomes.ts',
  'src/history/provisions/schema.ts',
];

const edgePatterns = EDGE_FOLDERS.flatMap((edge) => [`**/${edge}/**`, `**/${edge}`]);
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
];

// what browser code may use without importing it (web/src; TypeScript checks the types)
const BROWSER_GLOBALS = Object.fromEntries(
  [
    'window',
    'document',
    'self',
    'navigator',
    'location',
    'history',
    'sessionStorage',
    'localStorage',
    'performance',
    'fetch',
    'Worker',
    'MessageChannel',
    'CustomEvent',
    'Event',
    'URL',
    'HTMLElement',
    'HTMLInputElement',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'web/dist/**', 'dist/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // a mechanism adds the fields it owns to State by declaration merging:
      // `interface State extends FieldsOf<typeof fields> {}` (src/engine/fields.ts)
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
    },
  },
  // core layers: each core folder imports only the core folders below it (model is the input
  // language everything else reads, so it imports no other core folder)
  ...CORE_FOLDERS.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: edgePatterns,
              message: 'Core must not import edges (see docs/architecture.md).',
            },
            {
              group: ['**/contracts/**', '**/contracts'],
              message:
                'Core must not import src/contracts: the API shapes are built on the core, not the reverse (see docs/architecture.md).',
            },
            ...CORE_FOLDERS.filter((f) => f !== folder && !CORE_LAYERS[folder].includes(f)).map(
              (f) => ({
                group: [`**/${f}/**`, `**/${f}`],
                message: `src/${folder} may import ${CORE_LAYERS[folder].map((x) => `src/${x}`).join(', ') || 'no other core folder'} (see docs/architecture.md).`,
              }),
            ),
          ],
          paths: ioModules.map((name) => ({
            name,
            message: 'Core is pure: no I/O (see docs/architecture.md).',
          })),
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Core draws randomness only from the injected Rng.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  })),
  {
    // the API's shapes: pure (zod, the model, the core schemas above), no I/O, no randomness
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!zod$|\\./|(\\.\\./)+(${CONTRACT_IMPORTS.map((f) => f.replace(/^src\//, '').replace(/\./g, '\\.')).join('|')})$)`,
              message: `src/contracts imports only zod, its own files and ${CONTRACT_IMPORTS.join(', ')} (see docs/architecture.md).`,
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Contracts are pure.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // the browser UI (web/): DOM globals; only the pure core and browser packages in the bundle
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    languageOptions: { globals: BROWSER_GLOBALS },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                ...['server', 'store', 'cli', 'jobs', 'data'].map((f) => `**/src/${f}/**`),
                '**/src/report/render.ts',
                '**/src/report/pdf.ts',
                '@resvg/*',
                'better-sqlite3',
                'pg',
                'fastify',
              ],
              message:
                'The web bundle runs in a browser: import only the pure core (see web/vite.config.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
