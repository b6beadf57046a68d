// What <ops-team-performance> asks the API for first, for its attributes and filters (registered in widgets/asks.ts).
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

export const teamPerformanceAsks: WidgetAsks = (_, filters) => [{ endpoint: 'teamPerformance', body: { filters } }];
