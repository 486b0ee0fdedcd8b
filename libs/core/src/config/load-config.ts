import { AppConfig, appConfigSchema } from './config.schema';

/** A configuration value that failed validation; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from an environment (process.env by default). Empty
 * strings count as unset, so `DATABASE_URL=` falls back to the embedded database.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = appConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const given = present[name];
        const shown = name.endsWith('URL') ? '(hidden)' : JSON.stringify(given);
        return `${name}: ${issue.message}${given === undefined ? '' : ` (got ${shown})`}`;
      }),
    );
  }
  return parsed.data;
}
