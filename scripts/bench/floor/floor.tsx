// The stack floor for bench:ux: what React and recharts alone need to draw the dashboard's two charts
// (tickets over time as lines, tickets by type as a donut) with its four key numbers and priority
// bars, in a page that has the data already. No Next.js, API, auth, shadow DOM, styles or Zero: a
// load of the real dashboard cannot be faster than this page on the same machine. Its priority
// buttons redraw everything with other numbers, as a filter change does once its answer is in.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CartesianGrid, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';

declare global {
  interface Window {
    /** When both charts' marks were in the document (ms from navigation start). */
    __floorDrawnAt?: number;
  }
}

// Shaped like the 43k demo data (Jan–Nov 2025); the values do not change the drawing work.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'].map((month, i) => ({
  month,
  created: 3600 + ((i * 397) % 700),
  resolved: 3400 + ((i * 281) % 650),
}));
// Fourteen ticket types, as the demo data has.
const types = Array.from({ length: 14 }, (_, i) => ({ name: `Ticket type ${i + 1}`, count: 5200 - i * 330 }));
const priorities = [
  { name: 'Low', share: 0.25, open: 410, closed: 10_300 },
  { name: 'Medium', share: 0.35, open: 620, closed: 15_100 },
  { name: 'High', share: 0.27, open: 380, closed: 10_900 },
  { name: 'Urgent', share: 0.13, open: 150, closed: 5040 },
];

/**
 * The numbers for a set of selected priorities (a bit each; none = all). Every selection has its
 * own share, and the types' proportions move with it, so each toggle changes the line, every donut
 * slice and the key numbers.
 */
function numbersFor(selected: number) {
  const picked = priorities.filter((_, i) => selected & (1 << i));
  const share = picked.length === 0 ? 1 : picked.reduce((sum, p) => sum + p.share, 0);
  const scale = (n: number) => Math.round(n * share);
  return {
    months: months.map((m) => ({ month: m.month, created: scale(m.created), resolved: scale(m.resolved) })),
    types: types.map((t, i) => ({ name: t.name, count: Math.round(scale(t.count) * (1 + ((i * (selected + 1)) % 5) * 0.08)) })),
    priorities: priorities.map((p, i) => (picked.length === 0 || selected & (1 << i) ? p : { ...p, open: 0, closed: 0 })),
    kpis: [
      ['Total tickets', scale(42_900).toLocaleString('en-US')],
      ['Open', scale(1560).toLocaleString('en-US')],
      ['Avg resolution', `${(31.4 * (0.8 + share / 5)).toFixed(1)} h`],
      ['CSAT', (4.12 - share / 10).toFixed(2)],
    ],
  };
}
// Constant: recharts redraws a chart once more when a prop object is new, as the dashboard's charts avoid.
const lineMargin = { top: 8, right: 16, bottom: 0, left: 0 };
const colors = ['#2563eb', '#16a34a', '#d97706', '#4b5563'];

function Floor() {
  const [selected, setSelected] = useState(0);
  const shown = numbersFor(selected);
  return (
    <main style={{ font: '14px system-ui', display: 'grid', gap: 16, padding: 16 }}>
      <nav style={{ display: 'flex', gap: 8 }}>
        {priorities.map((p, i) => (
          <button key={p.name} type="button" data-floor-priority aria-pressed={(selected & (1 << i)) !== 0} onClick={() => setSelected((s) => s ^ (1 << i))}>
            {p.name}
          </button>
        ))}
      </nav>
      <section data-floor-kpis style={{ display: 'flex', gap: 24 }}>
        {shown.kpis.map(([label, value]) => (
          <div key={label}>
            <div>{label}</div>
            <strong style={{ fontSize: 28 }}>{value}</strong>
          </div>
        ))}
      </section>
      <LineChart width={620} height={288} data={shown.months} margin={lineMargin}>
        <CartesianGrid vertical={false} stroke="#e5e7eb" />
        <XAxis dataKey="month" tickLine={false} interval={0} height={36} />
        <YAxis tickLine={false} axisLine={false} width={48} interval={0} allowDecimals={false} />
        <Tooltip isAnimationActive={false} />
        <Line type="monotone" dataKey="created" stroke={colors[0]} strokeWidth={2} isAnimationActive={false} />
        <Line type="monotone" dataKey="resolved" stroke={colors[1]} strokeWidth={2} isAnimationActive={false} />
      </LineChart>
      <section style={{ display: 'flex', gap: 16 }}>
        <PieChart width={180} height={180}>
          <Pie data={shown.types} dataKey="count" nameKey="name" innerRadius={54} outerRadius={86} paddingAngle={1} fill={colors[0]} isAnimationActive={false} />
          <Tooltip isAnimationActive={false} />
        </PieChart>
        <ul>
          {shown.types.map((t) => (
            <li key={t.name}>
              {t.name}: {t.count}
            </li>
          ))}
        </ul>
      </section>
      <section>
        {shown.priorities.map((p) => (
          <div key={p.name} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ width: 64 }}>{p.name}</span>
            <span style={{ width: p.open / 50, height: 12, background: colors[2] }} />
            <span style={{ width: p.closed / 50, height: 12, background: colors[3] }} />
          </div>
        ))}
      </section>
    </main>
  );
}

// Drawn = the line chart's curves and the donut's sectors are in the document, the point at which
// a dashboard widget turns ready (its data drawn, not only its frame).
const watch = new MutationObserver(() => {
  if (document.querySelectorAll('.recharts-line-curve').length === 2 && document.querySelector('.recharts-pie-sector')) {
    watch.disconnect();
    window.__floorDrawnAt = performance.now();
  }
});
watch.observe(document, { subtree: true, childList: true });
createRoot(document.getElementById('root')!).render(<Floor />);
