// ESLint for the TypeScript of src/, test/, bench/ and migrations/, with typescript-eslint's type-checked rules, and
// for the JavaScript beside it: the browser scripts of public/js/ and the Node configuration and tool files.
// No finding is suppressed: a finding is fixed where it occurs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'data/', 'bench/out/', '.tmp/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value left out on purpose (`const { password: _, ...rest } = user`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Decorated Nest handlers and route callbacks are awaited by the framework; a promise dropped anywhere else is a bug.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // Tests read HTTP answers (`res.body` is `any` in supertest) and parsed files; asserting on them is the point.
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts', '**/*.fixture.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': 'off',
    },
  },
  {
    // Plain scripts the pages load with <script>: browser globals only. A script that uses another script's global
    // (SurveyJS's `Survey`, a helper of ours) names it in a `/* global … */` line of its own.
    files: ['public/js/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: globals.browser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { eqeqeq: ['error', 'always', { null: 'ignore' }] },
  },
  {
    // Configuration and tools run by Node: CommonJS (.js, .cjs) or ES modules (.mjs).
    files: ['*.js', '*.cjs', 'bench/**/*.js', 'tools/**/*.js', 'tools/**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['*.mjs', 'tools/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
);
