// Which build this tab runs, shown in settings so a person (or the update test) can tell versions apart.

/** The build id vite.config.ts bakes in (the commit, or VITE_APP_BUILD); "dev" where no build ran (tests). */
export const APP_BUILD: string = import.meta.env.VITE_APP_BUILD ?? 'dev'
