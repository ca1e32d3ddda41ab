/** The trimmed value of an environment variable, or `undefined` when it is unset or blank. */
export function readEnvValue(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = env[variable]?.trim()
  return value === undefined || value === '' ? undefined : value
}
