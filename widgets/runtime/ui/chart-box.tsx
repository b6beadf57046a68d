// A box that gives a recharts chart its pixel size. Recharts' ResponsiveContainer measures in a
// passive effect, so the commit that brings a widget's data (and marks it ready) holds an empty
// box, and the chart is drawn tasks later. Measured in a layout effect instead, the chart mounts in
// the same task, before the browser paints: "ready" then means the chart is on screen.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface BoxSize {
  width: number;
  height: number;
}

export function ChartBox({ className, children }: { className?: string; children: (size: BoxSize) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize | undefined>(undefined);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      // Whole pixels: a fractional width can make the SVG overflow its box by one pixel.
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
      setSize((now) => (now?.width === next.width && now.height === next.height ? now : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className={className}>
      {size && size.width > 0 && size.height > 0 ? children(size) : null}
    </div>
  );
}
