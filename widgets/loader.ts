// Registers every widget. Pages that need only some widgets may load their entries instead; both
// share the same chunks, so React, Zero and the runtime load once.
import './recent-tickets/index.ts';
