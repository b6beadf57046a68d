// <ops-filter-bar>: the always-visible filter row. It edits its scope's filters (shared with every
// widget of the scope, mirrored in the URL with `sync-url`): created date, team member, ticket
// type and priority, each in a popover under its trigger. Keys pinned by the `filters` attribute
// are shown locked. Team members and ticket types come live from Zero (synced-options.tsx).
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Filters } from '../../shared/analytics/filters.ts';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { useReportStatus } from '../runtime/status.ts';
import { SkeletonBlock } from '../runtime/ui/states.tsx';
import { useFilters, useWidget } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { useZeroLink, wantZero } from '../runtime/zero-area.tsx';
import { DatePanel } from './date-panel.tsx';
import { FilterChip, focusRing } from './filter-chip.tsx';
import { CalendarIcon, FlagIcon, PersonIcon, TagIcon } from './icons.tsx';
import {
  capitalize,
  createdSummary,
  filterKeys,
  filterLabels,
  setSummary,
  withoutUnpinned,
  withValue,
  type FilterKey,
  type Summary,
} from './model.ts';
import { SetPanel, type SetOption } from './set-panel.tsx';
import type { Synced } from './synced-options.tsx';

// Loaded once the page's Zero has (zero-area.tsx): its module imports Zero's hooks and queries.
const SyncedOptions = lazy(() => import('./synced-options.tsx'));
const nothingSynced: Synced = { members: undefined, types: undefined, membersFailure: undefined, typesFailure: undefined };

/**
 * One row at widget widths ≥ 56rem (the date gets a little more room), two columns from 32rem,
 * stacked below: the layout follows the widget's width, never its values, so setting a filter
 * cannot change the bar's height.
 */
const rowLayout =
  'grid grid-cols-1 gap-2 @lg:grid-cols-2 @4xl:grid-cols-[minmax(0,1.25fr)_repeat(3,minmax(0,1fr))_auto] @4xl:items-center';

function BarSkeleton() {
  return (
    <div className="@container px-4 py-3" aria-hidden="true">
      <div className={rowLayout}>
        {filterKeys.map((key) => (
          <SkeletonBlock key={key} className="h-12" />
        ))}
        <SkeletonBlock className="h-9 w-20" />
      </div>
    </div>
  );
}

const priorityOptions: SetOption<TicketPriority>[] = ticketPriorities.map((p) => ({ key: p, value: p, label: capitalize(p) }));

function nameOf<V>(options: readonly SetOption<V>[] | undefined, value: V, fallback: string): string {
  return options?.find((o) => o.value === value)?.label ?? fallback;
}

function Bar() {
  const { pinned } = useWidget();
  const { filters, scoped, setFilters } = useFilters();
  const [openKey, setOpenKey] = useState<FilterKey>();

  const zero = useZeroLink();
  const [synced, setSynced] = useState<Synced>(nothingSynced);
  const { members: memberOptions, types: typeOptions, membersFailure, typesFailure } = synced;
  const { created, assignee, ticketType, priority } = filters;
  // The bar is ready once every chip reads in full. An option list is shown only in its open
  // popover, which says "Loading…" itself, so a bar whose chips name no member or type is not held
  // back by Zero's loading and first sync; a chip that names one is, until the name arrives.
  const namesMember = assignee?.ids.some((id) => id !== null) ?? false;
  const namesType = ticketType !== undefined;
  useReportStatus({ loading: !memberOptions && namesMember, refreshing: false, error: membersFailure });
  useReportStatus({ loading: !typeOptions && namesType, refreshing: false, error: typesFailure });
  const needsOptions = namesMember || namesType || openKey === 'assignee' || openKey === 'ticketType';
  useEffect(() => {
    if (needsOptions) wantZero('now');
  }, [needsOptions]);

  const openers = useMemo(
    () =>
      Object.fromEntries(
        filterKeys.map((key) => [key, (open: boolean) => setOpenKey((current) => (open ? key : current === key ? undefined : current))]),
      ) as Record<FilterKey, (open: boolean) => void>,
    [],
  );

  const set = useCallback(
    <K extends FilterKey>(key: K, value: Filters[K] | undefined) => setFilters(withValue(scoped, key, value)),
    [scoped, setFilters],
  );

  const isPinned = (key: FilterKey) => pinned?.[key] !== undefined;
  const isActive = (key: FilterKey) => scoped[key] !== undefined && !isPinned(key);
  const clearable = filterKeys.some(isActive);

  const loadingName = '…';
  const summaries: Record<FilterKey, Summary> = {
    created: createdSummary(created),
    assignee: setSummary(
      filterLabels.assignee,
      assignee && {
        op: assignee.op,
        names: assignee.ids.map((id) =>
          nameOf(memberOptions, id, id === null ? 'Unassigned' : memberOptions ? `#${id}` : loadingName),
        ),
      },
    ),
    ticketType: setSummary(
      filterLabels.ticketType,
      ticketType && {
        op: ticketType.op,
        names: ticketType.ids.map((id) => nameOf(typeOptions, id, typeOptions ? `#${id}` : loadingName)),
      },
    ),
    priority: setSummary(
      filterLabels.priority,
      priority && { op: priority.op, names: priority.values.map((p) => capitalize(p)) },
      4,
    ),
  };

  const chip = (key: FilterKey, icon: ReactNode, panel: (done: () => void) => ReactNode, panelClassName?: string) => (
    <FilterChip
      key={key}
      filterKey={key}
      icon={icon}
      summary={summaries[key]}
      active={isActive(key)}
      pinned={isPinned(key)}
      open={openKey === key && !isPinned(key)}
      onOpenChange={openers[key]}
      onClear={() => set(key, undefined)}
      panelClassName={panelClassName}
    >
      {panel}
    </FilterChip>
  );

  return (
    <div className="@container px-4 py-3">
      {zero && (
        <Suspense fallback={null}>
          <zero.Provider>
            <SyncedOptions onChange={setSynced} />
          </zero.Provider>
        </Suspense>
      )}
      <div role="group" aria-label="Ticket filters" className={rowLayout}>
        {chip(
          'created',
          <CalendarIcon />,
          (done) => <DatePanel value={scoped.created} onChange={(next) => set('created', next)} onDone={done} />,
          'w-80',
        )}
        {chip('assignee', <PersonIcon />, (done) => (
          <SetPanel
            plural="team members"
            options={memberOptions}
            value={scoped.assignee && { op: scoped.assignee.op, values: scoped.assignee.ids }}
            onChange={(next) => set('assignee', next && { op: next.op, ids: next.values })}
            onDone={done}
            failure={membersFailure}
          />
        ))}
        {chip('ticketType', <TagIcon />, (done) => (
          <SetPanel
            plural="ticket types"
            options={typeOptions}
            value={scoped.ticketType && { op: scoped.ticketType.op, values: scoped.ticketType.ids }}
            onChange={(next) => set('ticketType', next && { op: next.op, ids: next.values })}
            onDone={done}
            failure={typesFailure}
          />
        ))}
        {chip('priority', <FlagIcon />, (done) => (
          <SetPanel
            plural="priorities"
            options={priorityOptions}
            value={scoped.priority}
            onChange={(next) => set('priority', next)}
            onDone={done}
          />
        ))}
        <button
          type="button"
          data-clear-all=""
          // aria-disabled, not disabled: a disabled button drops the focus of whoever just used it.
          aria-disabled={!clearable}
          onClick={() => {
            if (!clearable) return;
            setOpenKey(undefined);
            setFilters(withoutUnpinned(scoped, pinned));
          }}
          className={`h-9 justify-self-start rounded-md px-3 text-sm font-medium whitespace-nowrap text-accent cursor-pointer hover:bg-accent-soft aria-disabled:cursor-not-allowed aria-disabled:text-muted aria-disabled:opacity-60 aria-disabled:hover:bg-transparent ${focusRing}`}
        >
          Clear all
        </button>
      </div>
    </div>
  );
}

export function FilterBar(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-filter-bar" title="Filters" skeleton={<BarSkeleton />}>
      <Bar />
    </WidgetRoot>
  );
}
