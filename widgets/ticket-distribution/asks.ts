// What <ops-ticket-distribution> asks the API for first, for its attributes and filters (registered in widgets/asks.ts).
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

export const ticketDistributionAsks: WidgetAsks = (_, filters) => [{ endpoint: 'ticketDistribution', body: { filters } }];
