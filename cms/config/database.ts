import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite (embedded, the default) or PostgreSQL when DATABASE_CLIENT=postgres
 * or a DATABASE_URL is given.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_URL') ? 'postgres' : env('DATABASE_CLIENT', 'sqlite');

  if (client === 'sqlite') {
    const filename = env('DATABASE_FILENAME', '.tmp/data.db');
    if (!filename || path.isAbsolute(filename)) {
      throw new Error(`DATABASE_FILENAME must be a non-empty path relative to cms/ (got "${filename}")`);
    }
    return {
      connection: {
        client: 'sqlite',
        // NOTE: Strapi compiles config to dist/config, so resolve from cms/ explicitly.
        connection: { filename: path.join(__dirname, '..', '..', filename) },
        useNullAsDefault: true,
      },
    };
  }

  if (client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres" (got "${client}")`);
  }

  return {
    connection: {
      client: 'postgres',
      connection: env('DATABASE_URL')
        ? {
            connectionString: env('DATABASE_URL'),
            ssl: env.bool('DATABASE_SSL', false) && {
              rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
            },
          }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', 5432),
            database: env('DATABASE_NAME', 'medee'),
            user: env('DATABASE_USERNAME', 'medee'),
            password: env('DATABASE_PASSWORD', ''),
            schema: env('DATABASE_SCHEMA', 'public'),
            ssl: env.bool('DATABASE_SSL', false) && {
              rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
            },
          },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
