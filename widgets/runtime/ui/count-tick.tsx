// A count axis's tick label as plain SVG text. Recharts' default tick is its <Text>, which measures
// every word of every label in the DOM to wrap it (a forced layout each time), and a count axis has
// new labels after nearly every answer. A count label is one short word: there is nothing to wrap.
import type { YAxisTickContentProps } from 'recharts';
import { formatCount } from '../format.ts';

/** A tick component for a count Y axis; make it once per chart module, so its identity is stable. */
export function countTick(fontSize: number) {
  return function CountTick({ x, y, textAnchor, payload }: YAxisTickContentProps) {
    return (
      // 0.355em: half the cap height, which is how recharts centres a label on its tick.
      <text x={x} y={y} dy="0.355em" textAnchor={textAnchor} fill="var(--color-muted)" fontSize={fontSize}>
        {formatCount(Number(payload.value))}
      </text>
    );
  };
}
