/** Thrown by `loadConfig` when an environment variable holds a value the server cannot use. */
export class ConfigError extends Error {
  /** The environment variable at fault, e.g. `PORT`. */
  readonly variable: string

  constructor(variable: string, message: string) {
    super(message)
    this.name = 'ConfigError'
    this.variable = variable
  }
}
