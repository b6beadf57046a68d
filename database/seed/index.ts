// The seed generator's public surface: the stack runner and tests import from here.
export {
  countRows,
  defaultSeedOptions,
  describeCounts,
  maxTickets,
  seedDatabase,
  seedIfEmpty,
  SeedSchemaError,
  type SeedOptions,
  type SeedProgress,
  type SeedReport,
  type TableCounts,
} from './seed-database.ts';
export { clientRows, expectedRowCounts, tableSources, teamMemberRows, ticketTypeRows } from './dataset.ts';
export { edgeCases, monthlyTicketCounts } from './distribution.ts';
export { generatePayments } from './payments.ts';
export { generateTicketFeedback, generateTicketMessages, generateTickets } from './tickets.ts';
export { createDemoAccounts, createDemoAccountsIfNoUsers, demoAdminEmail } from './demo-accounts.ts';
