// Lint rules that hold the architecture in place: src/domain stays pure (no React, Dexie, zustand, DOM or network),
// only src/db talks to IndexedDB, only src/db/webStorage.ts to Web Storage; and JSX is checked for accessibility.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'

// Reached as globals or through globalThis/window/self: a ban on the bare name alone is walked around by
// `globalThis.localStorage`, so each is banned both ways.
const WEB_STORAGE = ['localStorage', 'sessionStorage']
const STORAGE_MESSAGE = 'Web Storage is reached only through src/db/webStorage.ts (one registry of keys).'
const GLOBAL_OBJECTS = ['globalThis', 'window', 'self']
// What src/domain may not touch: the DOM, the browser, storage and the network. (crypto, TextEncoder and Intl stay:
// they are pure computation.)
const DOMAIN_FORBIDDEN = [
  'window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB',
  'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request', 'Response', 'Headers', 'Worker',
  'postMessage', 'importScripts', 'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'matchMedia', 'DOMParser',
]

/** `name` banned as a global and as a property of every global object. */
function bannedEverywhere(names, message) {
  return {
    globals: names.map((name) => ({ name, message })),
    properties: GLOBAL_OBJECTS.flatMap((object) => names.map((property) => ({ object, property, message }))),
  }
}

const domainBans = bannedEverywhere(DOMAIN_FORBIDDEN, 'src/domain is pure: no DOM, browser, storage or network APIs.')
const storageBans = bannedEverywhere(WEB_STORAGE, STORAGE_MESSAGE)
const indexedDbBans = bannedEverywhere(['indexedDB'], 'Only src/db talks to IndexedDB.')
const DEXIE_OUTSIDE_DB = {
  group: ['dexie', 'dexie/*', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*'],
  message: 'Dexie and IndexedDB live in src/db: read through hooks, write through src/db.',
}

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
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DEXIE_OUTSIDE_DB] }],
      'no-restricted-globals': ['error', ...storageBans.globals, ...indexedDbBans.globals],
      'no-restricted-properties': ['error', ...storageBans.properties, ...indexedDbBans.properties],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    ignores: ['src/db/webStorage.ts'],
    rules: {
      'no-restricted-globals': ['error', ...storageBans.globals],
      'no-restricted-properties': ['error', ...storageBans.properties],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/domain is pure: no React.' },
          DEXIE_OUTSIDE_DB,
          { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: UI state lives in src/store.' },
          { group: ['**/db/**', '**/ui/**', '**/store/**', '**/pwa/**'], message: 'src/domain must not depend on outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error', ...domainBans.globals],
      'no-restricted-properties': ['error', ...domainBans.properties],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A choice's text sits two spans deep inside its <label> (label + hint); the default depth, 2, misses it.
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
    },
  },
)
