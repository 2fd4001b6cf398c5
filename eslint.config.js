// Lint rules that hold the architecture in place: src/domain stays pure (no React, Dexie, zustand or DOM),
// and only src/db talks to IndexedDB.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests corrupt data on purpose; typing each corruption buys nothing.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/domain is pure: no React.' },
          { group: ['dexie', 'dexie-react-hooks', 'fake-indexeddb*'], message: 'src/domain is pure: storage lives in src/db.' },
          { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: UI state lives in src/store.' },
          { group: ['**/db/**', '**/ui/**', '**/store/**', '**/pwa/**'], message: 'src/domain must not depend on outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/domain is pure: no DOM.' },
        { name: 'document', message: 'src/domain is pure: no DOM.' },
        { name: 'localStorage', message: 'src/domain is pure: no storage.' },
        { name: 'indexedDB', message: 'src/domain is pure: storage lives in src/db.' },
        { name: 'navigator', message: 'src/domain is pure: no browser APIs.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['dexie'], importNames: ['default'], message: 'The UI reads through hooks and writes through src/db.' }],
      }],
      'no-restricted-globals': ['error', { name: 'indexedDB', message: 'The UI never touches IndexedDB; go through src/db.' }],
    },
  },
)
