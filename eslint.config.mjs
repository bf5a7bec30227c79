// Lint: Next.js's own rules (core web vitals, TypeScript), the full jsx-a11y recommended set, and
// the layering of the house as rules (docs/architecture.md explains the layers):
//  - pages and components never reach the database: they call a domain verb in lib/;
//  - lib/ and components/ never import from app/ (server actions reach client components as props);
//  - the pricing module is pure: no I/O, no Prisma, no Next, no auth;
//  - a module that touches the database starts with `import 'server-only'`, so it can never be
//    bundled into the browser.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules it owns).
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';

const DATABASE_MODULES = ['@/lib/db', '@/lib/db/*', '@/lib/generated/*', '@/lib/generated/**', '@prisma/*', 'pg'];

/** A file that imports the database (or Prisma's client) must open with `import 'server-only'`. */
const serverOnlyRule = {
  meta: {
    type: 'problem',
    docs: { description: "modules that touch the database start with import 'server-only'" },
    messages: {
      missing:
        "This module touches the database: start it with `import 'server-only';` so it can never reach the browser.",
    },
    schema: [],
  },
  create(context) {
    const touchesDatabase = (source) =>
      source === '@/lib/db' || source.startsWith('@/lib/db/') || source.startsWith('@/lib/generated/prisma');
    return {
      Program(program) {
        const imports = program.body.filter((node) => node.type === 'ImportDeclaration');
        const dbImport = imports.find(
          (node) => node.importKind !== 'type' && touchesDatabase(String(node.source.value)),
        );
        if (!dbImport) return;
        const first = program.body.find((node) => node.type === 'ImportDeclaration');
        const opensWithServerOnly = first && first.source.value === 'server-only' && first.specifiers.length === 0;
        if (!opensWithServerOnly) context.report({ node: dbImport, messageId: 'missing' });
      },
    };
  },
};

const butin = { rules: { 'server-only': serverOnlyRule } };

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'lib/generated/**',
      '.data/**',
      '.test-data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'bench/results/**',
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      // A scrollable table wrapper is a named region reachable by keyboard (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  // Layers.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DATABASE_MODULES,
              message: 'Pages and components do not reach the database: call a domain verb in lib/<domain>/.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['lib/pricing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '@/app/**', '**/app/*'],
              message:
                'lib/ and components/ never import from app/: pass server actions as props, or keep them in lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DATABASE_MODULES,
              message: 'Pages and components do not reach the database: call a domain verb in lib/<domain>/.',
              allowTypeImports: true,
            },
            {
              group: ['@/app/*', '@/app/**'],
              message: 'components/ never import from app/: pass server actions as props.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/pricing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...DATABASE_MODULES,
                'next',
                'next/*',
                'next-auth',
                'next-auth/*',
                'next-intl',
                'next-intl/*',
                '@/lib/auth/*',
                '@/lib/auth',
                '@/app/*',
                'node:*',
                'fs',
                'http',
                'https',
                'net',
                'child_process',
              ],
              message: 'The pricing module is pure: no I/O, no Prisma, no Next, no auth.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { butin },
    rules: { 'butin/server-only': 'error' },
  },
  // Scripts, the benchmark, tests and tools run in Node outside Next: they may touch the database
  // without the server-only marker (which exists for the bundler).
  {
    files: ['scripts/**', 'bench/**', 'tests/**', 'tools/**', 'prisma/**', '*.config.{ts,mjs}'],
    rules: { 'butin/server-only': 'off' },
  },
  // Tests read arbitrary JSON answers.
  { files: ['tests/**', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
];

export default config;
