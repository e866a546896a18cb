import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * Where a file stands in the monorepo: a lib, an app (src/ is the API app, apps/<name> the
 * others), seeds, test, scripts, or outside them all (null).
 */
function zoneOf(absolute) {
  const parts = relative(ROOT, absolute).split(sep);
  if (parts[0] === '..' || parts.length < 2) return null;
  if (parts[0] === 'libs') return { kind: 'lib', name: parts[1], label: `lib ${parts[1]}` };
  if (parts[0] === 'apps') return { kind: 'app', name: parts[1], label: `app ${parts[1]}` };
  if (parts[0] === 'src') return { kind: 'app', name: 'api', label: 'the API app (src/)' };
  if (['seeds', 'test', 'scripts'].includes(parts[0]))
    return { kind: parts[0], label: `${parts[0]}/` };
  return null;
}

const isSpec = (file) => /\.(e2e-)?spec\.ts$/.test(file);

/**
 * Why an import breaks a boundary, or null. A lib is reached through `@jcv/<lib>` (its
 * index.ts) only; a lib reaches nothing outside libs/ (its specs may use test helpers); an app
 * reaches no other app's files and no test code.
 */
function boundaryProblem(file, source) {
  const alias = /^@jcv\/([^/]+)\/(.+)$/.exec(source);
  if (alias) return `import '@jcv/${alias[1]}' (its index.ts), not '${source}'`;
  if (!source.startsWith('.')) return null;
  const from = zoneOf(file);
  const to = zoneOf(resolve(dirname(file), source));
  if (!from || !to) return null;
  if (to.kind === 'lib') {
    if (from.kind === 'lib' && from.name === to.name) return null;
    return `import '@jcv/${to.name}' (its index.ts), not a file inside libs/${to.name}`;
  }
  if (from.kind === 'lib') {
    if (to.kind === 'test' && isSpec(file)) return null;
    return `a lib must not import from ${to.label}`;
  }
  if (to.kind === 'app' && from.kind === 'app' && from.name !== to.name)
    return `${from.label} must not import files of ${to.label}`;
  if (to.kind === 'test' && from.kind === 'app' && !isSpec(file))
    return `${from.label} must not import from test/`;
  return null;
}

/** The project's own rules. */
const jcv = {
  rules: {
    boundaries: {
      meta: {
        type: 'problem',
        docs: {
          description:
            'libs are imported through @jcv/<lib> only; apps do not reach into each other',
        },
        schema: [],
        messages: { boundary: '{{problem}}' },
      },
      create(context) {
        const check = (node) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          const problem = boundaryProblem(context.filename, source.value);
          if (problem) context.report({ node: source, messageId: 'boundary', data: { problem } });
        };
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/console/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { jcv },
    rules: {
      'jcv/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**', '**/*.spec.ts', '**/cli/**/*.ts', 'src/main.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The console runs in the browser: its globals, and React's rules of hooks.
    files: ['apps/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
