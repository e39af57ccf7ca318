/**
 * A bad environment variable; the message names it and never echoes a secret's value. `message` is the English
 * sentence for logs; what a person reads is `config.error` with the problem's catalogue text (`key`, `vars`),
 * worded where the error is reported (config comes before the message catalogue and cannot word it itself).
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    readonly key: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}
