/**
 * Secrets are read once, in config. A missing secret always stops the CMS with a message
 * that names it; in production a placeholder (from .env.example or an old template) does too,
 * because a guessable key would sign admin sessions and API tokens.
 */
const PLACEHOLDER = /^(|tobemodified.*|changeme.*|change-me.*|replace-me.*|secret|xxx+|<.*>)$/i;
const MIN_LENGTH = 16;

export class MissingSecretError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(
      `${variable} ${reason}. Set it in cms/.env (npm start generates one for development) ` +
        `or in the environment; see cms/.env.example.`,
    );
    this.name = 'MissingSecretError';
  }
}

type EnvReader = (name: string, fallback?: string) => string | undefined;

export function readSecret(env: EnvReader, variable: string): string {
  const value = (env(variable) ?? '').trim();
  if (value === '') throw new MissingSecretError(variable, 'is not set');
  if (process.env.NODE_ENV === 'production') {
    for (const part of value.split(',')) {
      if (PLACEHOLDER.test(part.trim()) || part.trim().length < MIN_LENGTH) {
        throw new MissingSecretError(variable, `is a placeholder or shorter than ${MIN_LENGTH} characters`);
      }
    }
  }
  return value;
}

export function readSecretList(env: EnvReader, variable: string): string[] {
  return readSecret(env, variable)
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
}

/**
 * A secret for an optional feature (the site's revalidation webhook and draft preview): unset
 * means the feature is off; a set value is held to the same rules as readSecret.
 */
export function readOptionalSecret(env: EnvReader, variable: string): string | undefined {
  if ((env(variable) ?? '').trim() === '') return undefined;
  return readSecret(env, variable);
}
