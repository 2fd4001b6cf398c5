// Types for what the build puts into the app: vite-plugin-pwa's virtual register module, and the build id that
// vite.config.ts defines (shown in settings, so a tab can tell which version it runs).
/// <reference types="vite-plugin-pwa/vanillajs" />

interface ImportMetaEnv {
  /** The commit (or CI-provided id) of this build; undefined outside `vite build` (unit and UI tests). */
  readonly VITE_APP_BUILD?: string
}
