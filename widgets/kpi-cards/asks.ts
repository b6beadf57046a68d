// What <ops-kpi-cards> asks the API for first, for its attributes and filters (registered in widgets/asks.ts).
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

export const kpiCardsAsks: WidgetAsks = (_, filters) => [{ endpoint: 'overview', body: { filters } }];
