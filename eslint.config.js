// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports shared/ must never make: it stays pure TypeScript (no DOM, Node, storage, UI or Electron). */
const sharedForbidden = {
  paths: [
    'electron',
    'dexie',
    'dexie-react-hooks',
    'react',
    'react-dom',
    'zustand',
    'papaparse',
    'fs',
    'path',
    'os',
    'child_process',
  ].map((name) => ({
    name,
    message: 'shared/ is pure TypeScript: keep platform and UI libraries out of the domain.',
  })),
  patterns: [
    { group: ['node:*'], message: 'shared/ must not use Node APIs.' },
    {
      group: ['pdfmake', 'pdfmake/*'],
      message: 'shared/ builds the document definition; rendering lives in renderer/ and electron/.',
    },
    {
      group: ['**/renderer/**', '**/electron/**', '../renderer', '../electron'],
      message: 'shared/ is imported by the other layers, never the reverse.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'test-output/**',
      'bench/results/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-imports': ['error', sharedForbidden],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the main process only through window.api.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '../electron', '../../electron'],
              message: 'renderer/ never imports electron/: use the IPC contract in shared/ipc.',
            },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom', 'dexie'],
              message: 'electron/ does not reach into the renderer.',
            },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Config files must default-export for their tools.
    files: ['*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests poke at results loosely; unsafe-any rules add noise without catching bugs there.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
