// Chart furniture shared by the chart widgets: a colour swatch (legends, tooltips) and a tooltip
// box in the theme's colours (recharts' default tooltip is white on white in the dark theme).

export interface ChartSeriesItem {
  name: string;
  /** Already formatted. */
  value: string;
  /** A CSS colour, e.g. `var(--color-chart-1)`. */
  color: string;
  opacity?: number;
}

/** A small coloured square standing for a series or slice. */
export function ChartSwatch({ color, opacity = 1, className = '' }: { color: string; opacity?: number; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-2.5 shrink-0 rounded-sm ${className}`}
      style={{ backgroundColor: color, opacity }}
    />
  );
}

/** Tooltip content: a title and one line per series. Render it from a recharts `content` function. */
export function ChartTooltipBox({ title, items, hint }: { title: string; items: ChartSeriesItem[]; hint?: string }) {
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs text-ink shadow-md">
      <p className="mb-1 font-semibold">{title}</p>
      <ul className="space-y-0.5">
        {items.map((item) => (
          <li key={item.name} className="flex items-center gap-2">
            <ChartSwatch color={item.color} opacity={item.opacity} />
            <span className="text-muted">{item.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{item.value}</span>
          </li>
        ))}
      </ul>
      {hint && <p className="mt-1 text-muted">{hint}</p>}
    </div>
  );
}
