// One lint configuration for the whole repository. Besides the usual
// TypeScript rules, it enforces the layers: packages/core stays pure (no DOM,
// no Node, no clock, no app code), and nothing imports an app from a package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const coreMustStayPure = {
  files: ['packages/core/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: nodeBuiltins.map((name) => ({
          name,
          message: 'packages/core is pure: no Node APIs. Pass what you need in as arguments.',
        })),
        patterns: [
          { group: ['node:*'], message: 'packages/core is pure: no Node APIs.' },
          {
            group: [
              '**/apps/**',
              'glutewake',
              '@glutewake/web*',
              '@glutewake/server*',
              '@glutewake/cli*',
            ],
            message: 'Dependencies run one way: apps use core, never the reverse.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'fetch',
        'XMLHttpRequest',
        'AudioContext',
        'speechSynthesis',
        'location',
        'history',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'requestAnimationFrame',
        'process',
        'require',
        'Buffer',
        '__dirname',
        '__filename',
        'global',
        'performance',
      ].map((name) => ({
        name,
        message: 'packages/core is pure: no DOM, Node, timers or clock. Time is passed in.',
      })),
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'Date',
        property: 'now',
        message: 'Core never reads the clock: take `now` as an argument.',
      },
      {
        object: 'Math',
        property: 'random',
        message: 'Core is deterministic: take randomness as an argument.',
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Core never reads the clock: take `now` as an argument.',
      },
      { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
    ],
    '@typescript-eslint/no-explicit-any': 'error',
  },
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.ci-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**', '.ci/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // Benchmark programs also pass functions into the page they drive.
    files: ['bench/**/*.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        performance: 'readonly',
        MutationObserver: 'readonly',
      },
    },
  },
  coreMustStayPure,
);
