// A user may point the product at the database they built from the take-home's schema.sql and
// seed.sql. Migrations must adopt it: same shape as a database we create, nothing lost or changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationStatus, runMigrations } from '../../database/migrations.ts';
import { helpdeskTables } from '../../database/schema/helpdesk.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { loadProvidedDatabase, providedAvailable } from '../support/provided-database.ts';
import { isOurAddition, schemaShape, tableFingerprints } from '../support/schema-shape.ts';

// Skipped (with a warning from provided-database.ts) only where ../shared/opskings is absent.
describe.skipIf(!providedAvailable)('migrating a database created from the provided SQL files', () => {
  let provided: TestDatabase;
  let ours: TestDatabase;
  let before: Awaited<ReturnType<typeof tableFingerprints>>;
  let shapeBefore: Awaited<ReturnType<typeof schemaShape>>;

  beforeAll(async () => {
    provided = await createTestDatabase('provided', { migrate: false });
    ours = await createTestDatabase('ours');
    await loadProvidedDatabase(provided.sql);
    before = await tableFingerprints(provided.sql, helpdeskTables);
    shapeBefore = await schemaShape(provided.sql);
    await runMigrations(provided.url);
  });
  afterAll(async () => {
    await provided?.drop();
    await ours?.drop();
  });

  it('loaded the provided data (≈ 42.9k tickets)', () => {
    expect(before.tickets!.count).toBe(42_900);
    expect(before.clients!.count).toBe(50);
    expect(before.team_members!.count).toBe(15);
    expect(before.ticket_types!.count).toBe(14);
  });

  it('keeps every row of every table unchanged', async () => {
    expect(await tableFingerprints(provided.sql, helpdeskTables)).toEqual(before);
  });

  it('records all migrations as applied and publishes the tables', async () => {
    const status = await migrationStatus(provided.sql);
    expect(status.pending).toBe(0);
    expect(status.applied).toBe(status.total);
    const [pub] = await provided.sql<{ n: number }[]>`
      select count(*)::int as n from pg_publication_tables where pubname = 'opskings_zero'`;
    // The seven helpdesk tables and the change counters.
    expect(pub!.n).toBe(8);
  });

  it('leaves the provided schema exactly as our migrations create it, column for column', async () => {
    const theirs = await schemaShape(provided.sql);
    expect(theirs).toEqual(await schemaShape(ours.sql));
    // And the adoption changed nothing on the provided tables but tickets.uuid (it adds the auth
    // tables beside them).
    const provided7 = (shape: typeof theirs) => ({
      columns: shape.columns.filter((c) => helpdeskTables.includes(c.table_name) && !isOurAddition(c)),
      constraints: shape.constraints.filter((c) => helpdeskTables.includes(c.table_name) && !isOurAddition(c)),
      indexes: shape.indexes.filter((i) => helpdeskTables.includes(i.tablename) && !isOurAddition(i)),
    });
    expect(provided7(theirs)).toEqual(provided7(shapeBefore));
    expect(theirs.columns.filter(isOurAddition)).toEqual([
      expect.objectContaining({ column_name: 'uuid', data_type: 'uuid', is_nullable: 'NO', column_default: 'gen_random_uuid()' }),
    ]);
  });

  it('is idempotent and leaves the serial sequences working', async () => {
    await runMigrations(provided.url);
    const [row] = await provided.sql<{ id: number }[]>`
      insert into tickets (client_id, ticket_type_id, title) values (1, 1, 'after adoption') returning id`;
    expect(row!.id).toBe(42_901);
  });
});
