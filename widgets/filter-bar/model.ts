// The filter bar's view of the shared filter model: labels, one-line summaries for the triggers,
// and the edits it makes (always producing values the schema accepts).
import {
  createdFilterSchema,
  filtersSchema,
  type CreatedFilter,
  type Filters,
  type SetOperator,
} from '../../shared/analytics/filters.ts';

export type FilterKey = keyof Filters;
export type CreatedOp = CreatedFilter['op'];

export const filterKeys = ['created', 'assignee', 'ticketType', 'priority'] as const satisfies readonly FilterKey[];

/** Trigger names start with these (tests and screen readers rely on it). */
export const filterLabels: Record<FilterKey, string> = {
  created: 'Created',
  assignee: 'Team member',
  ticketType: 'Ticket type',
  priority: 'Priority',
};

export const setOperatorLabels: Record<SetOperator, string> = {
  is: 'is',
  isNot: 'is not',
  isAnyOf: 'is any of',
  isNoneOf: 'is none of',
};

export const createdOps = ['on', 'between', 'onOrBefore', 'onOrAfter'] as const satisfies readonly CreatedOp[];

export const createdOperatorLabels: Record<CreatedOp, string> = {
  on: 'on',
  between: 'between',
  onOrBefore: 'on or before',
  onOrAfter: 'on or after',
};

export function isSingle(op: SetOperator): boolean {
  return op === 'is' || op === 'isNot';
}

/** Returns `filters` with `key` set to `value`, or without `key` when `value` is undefined. */
export function withValue<K extends FilterKey>(filters: Filters, key: K, value: Filters[K] | undefined): Filters {
  const next: Filters = { ...filters };
  if (value === undefined) delete next[key];
  else next[key] = value;
  // Never hand the store something the server would refuse.
  return filtersSchema.safeParse(next).success ? next : filters;
}

/** "Clear all": the scope keeps only the keys this widget pins (they are not its to clear). */
export function withoutUnpinned(filters: Filters, pinned: Filters | undefined): Filters {
  const next: Filters = {};
  const keep = <K extends FilterKey>(key: K) => {
    if (pinned?.[key] !== undefined && filters[key] !== undefined) next[key] = filters[key];
  };
  for (const key of filterKeys) keep(key);
  return next;
}

/**
 * A set filter after an edit: `undefined` when nothing is chosen (the filter is off); "is" and
 * "is not" keep only the first value.
 */
export function setFilterOf<V>(op: SetOperator, values: readonly V[]): { op: SetOperator; values: V[] } | undefined {
  if (values.length === 0) return undefined;
  return { op, values: isSingle(op) ? values.slice(0, 1) : [...values] };
}

// ---- calendar days ------------------------------------------------------------------------------

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' → a local Date at midnight (the calendar works in local days). */
export function dateOfIso(iso: string): Date | undefined {
  const m = isoPattern.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : undefined;
}

export function isoOfDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isIsoDay(value: string): boolean {
  return dateOfIso(value) !== undefined;
}

/** The month a calendar opens on: the filter's, else November 2025 (the data runs Jan–Nov 2025). */
export const defaultCalendarMonth = new Date(2025, 10, 1);

export function monthOf(iso: string | undefined): Date {
  const date = iso ? dateOfIso(iso) : undefined;
  return date ? new Date(date.getFullYear(), date.getMonth(), 1) : defaultCalendarMonth;
}

/** Days format in UTC from their ISO form, so the viewer's time zone cannot shift them. */
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function utcOfIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function formatDay(iso: string): string {
  return dayFormat.format(utcOfIso(iso));
}

export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  return dayFormat.formatRange(utcOfIso(from), utcOfIso(to));
}

export function validCreated(value: CreatedFilter): CreatedFilter | undefined {
  const parsed = createdFilterSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

// ---- summaries ------------------------------------------------------------------------------------

/**
 * A trigger's summary: `text` is its accessible name ("Priority is any of High, Urgent",
 * "Team member: any"), `value` what it shows under the filter's label ("is any of High, Urgent").
 */
export interface Summary {
  text: string;
  value: string;
}

function summaryOf(label: string, condition: string | undefined, unfiltered: string, shown = condition): Summary {
  return condition === undefined
    ? { text: `${label}: ${unfiltered}`, value: capitalize(unfiltered) }
    : { text: `${label} ${condition}`, value: shown ?? condition };
}

export function createdSummary(created: CreatedFilter | undefined): Summary {
  if (!created) return summaryOf(filterLabels.created, undefined, 'any time');
  if (created.op === 'between') {
    // The range's dash says "between" on screen, which leaves room for the days.
    const range = formatDayRange(created.from, created.to);
    return summaryOf(filterLabels.created, `${createdOperatorLabels.between} ${range}`, 'any time', range);
  }
  return summaryOf(filterLabels.created, `${createdOperatorLabels[created.op]} ${formatDay(created.date)}`, 'any time');
}

/** "Priority is any of High, Urgent", "Team member is any of Alice, Bob +3", "Team member: any". */
export function setSummary(label: string, filter: { op: SetOperator; names: string[] } | undefined, shown = 3): Summary {
  if (!filter || filter.names.length === 0) return summaryOf(label, undefined, 'any');
  const { names } = filter;
  const listed = names.length > shown ? `${names.slice(0, shown - 1).join(', ')} +${names.length - shown + 1}` : names.join(', ');
  return summaryOf(label, `${setOperatorLabels[filter.op]} ${listed}`, 'any');
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
