import postgres from 'postgres';

export type Sql = postgres.Sql;

/** A postgres.js pool with the project's defaults (quiet notices, UTC, bounded pool). */
export function connect(url: string, options: postgres.Options<Record<string, never>> = {}): Sql {
  return postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: 'opskings' },
    ...options,
  });
}
