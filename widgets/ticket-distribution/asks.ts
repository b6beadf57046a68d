// What <ops-ticket-distribution> asks the API for with given filters, sent before React renders it: when the element
// connects, or earlier from the early entry (widgets/early.ts), and in the task of a filter change.
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

export const ticketDistributionAsks: WidgetAsks = (_, filters) => [{ endpoint: 'ticketDistribution', body: { filters } }];
