// Registers every widget. Pages that need only some widgets may load their entries instead; both
// share the same chunks, so React, Zero and the runtime load once.
import './filter-bar/index.ts';
import './kpi-cards/index.ts';
import './tickets-over-time/index.ts';
import './ticket-distribution/index.ts';
import './team-performance/index.ts';
import './response-time/index.ts';
import './client-analysis/index.ts';
import './ticket-list/index.ts';
import './recent-tickets/index.ts';
import './ticket-inbox/index.ts';
import './client-portal/index.ts';
