// npm run db:seed -- [--tickets N] [--seed S]
// Replaces the helpdesk data of the configured database with a generated data set.
// Exit codes: 0 done, 1 the database could not be seeded, 2 bad command line.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, redact } from '../../config/env.ts';
import { connect } from '../client.ts';
import { helpdeskTables } from '../schema/helpdesk.ts';
import { tablesEmptiedByCascade } from './bulk-load-schema.ts';
import { defaultSeed, defaultTicketCount } from './distribution.ts';
import { createProgressDisplay } from './progress-display.ts';
import { maxSeed } from './random.ts';
import {
  countRows,
  describeCounts,
  maxTickets,
  seedDatabase,
  SeedSchemaError,
  type SeedReport,
} from './seed-database.ts';

const usage = `Usage: npm run db:seed -- [--tickets N] [--seed S]

  --tickets N  tickets to generate, 0..${maxTickets} (default ${defaultTicketCount}, the provided seed's volume)
  --seed S     random seed, 0..${maxSeed} (default ${defaultSeed}); the same seed and N give the same rows
  -h, --help   show this help

Replaces all rows of the seven helpdesk tables in the database configured by .env
(DATABASE_URL, or the embedded Postgres of npm start), which must already be migrated.`;

class UsageError extends Error {}

interface CliOptions {
  tickets: number;
  seed: number;
  help: boolean;
}

function parseCommandLine(argv: string[]): CliOptions {
  const values = parseFlags(argv);
  return {
    tickets: integerOption('--tickets', values.tickets, defaultTicketCount, maxTickets),
    seed: integerOption('--seed', values.seed, defaultSeed, maxSeed),
    help: values.help ?? false,
  };
}

/**
 * parseArgs reads `--tickets -5` as a flag missing its value; hand it over as `--tickets=-5` so the
 * answer is "must be a whole number", which is what the user got wrong.
 */
function attachNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if ((arg === '--tickets' || arg === '--seed') && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: attachNegativeValues(argv),
      options: {
        tickets: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    // parseArgs' own messages name the flag ("Unknown option '--tikets'", "... argument missing").
    throw new UsageError((err as Error).message);
  }
}

function integerOption(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  // Digits only: "1e6", "1.5", "-3" and "" are all mistakes worth reporting rather than rounding.
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max) {
    throw new UsageError(`${flag} must be a whole number from 0 to ${max}, got "${raw}"`);
  }
  return value;
}

function printReport(report: SeedReport): void {
  const seconds = report.elapsedMs / 1000;
  const total = helpdeskTables.reduce((sum, t) => sum + report.counts[t], 0);
  const width = Math.max(...helpdeskTables.map((t) => t.length));
  console.log(`Seeded ${report.tickets} tickets with seed ${report.seed}:`);
  for (const table of helpdeskTables) {
    console.log(`  ${table.padEnd(width)}  ${String(report.counts[table]).padStart(10)}`);
  }
  console.log(
    `  ${'total'.padEnd(width)}  ${String(total).padStart(10)} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(total / Math.max(seconds, 0.001))} rows/s)`,
  );
  console.log(`  demo accounts ${report.demoAccounts} (password from DEMO_PASSWORD)`);
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`db:seed: ${err.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }

  let url: string;
  let demoPassword: string;
  try {
    const config = loadConfig();
    url = config.postgres.adminUrl;
    demoPassword = config.demoPassword;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }

  const sql = connect(url, { max: 1 });
  const display = createProgressDisplay();
  try {
    const before = await countRows(sql);
    if (helpdeskTables.some((t) => before[t] > 0)) {
      const cascade = await tablesEmptiedByCascade(sql, helpdeskTables);
      console.log(`${redact(url)} has ${describeCounts(before)}.`);
      console.log(
        'Truncating the seven tables (RESTART IDENTITY CASCADE) and reloading' +
          (cascade.length > 0 ? `; the cascade also empties ${cascade.join(', ')}.` : '.'),
      );
    }
    console.log(`Generating ${options.tickets} tickets with seed ${options.seed} into ${redact(url)}`);
    const report = await seedDatabase(sql, { ...options, demoPassword, onProgress: display.update });
    display.stop();
    printReport(report);
    return 0;
  } catch (err) {
    display.stop();
    if (err instanceof SeedSchemaError) {
      console.error(err.message);
      return 1;
    }
    console.error(`db:seed failed against ${redact(url)}: ${(err as Error).message}`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

process.exitCode = await main();
