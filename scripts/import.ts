// `npm run import`: the command-line entry. The work is in ./importCli, which tests call in process.
import { runImport } from './importCli'

runImport(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
