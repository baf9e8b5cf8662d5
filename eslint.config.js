import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const otherModulesInternals = ['service', 'queries', 'tables', 'policy', 'routes', 'seed'].map((role) => `../*/*.${role}.js`);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**', '.tmp/**', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parameterised SQL only (ASVS 1.2.4): drizzle's sql.raw would splice text into a statement.
      'no-restricted-properties': ['error', { object: 'sql', property: 'raw', message: 'Use parameterised sql`` templates.' }],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      // A module touches another module only through its index.ts (style.md convention 7).
      'no-restricted-imports': ['error', { patterns: [{ group: otherModulesInternals, message: "Import another module through its index.ts." }] }],
    },
  },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // User content is rendered as text (ASVS 3.2.2).
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user content as text.' }],
    },
  },
  {
    files: ['**/*.test.ts', 'server/test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
