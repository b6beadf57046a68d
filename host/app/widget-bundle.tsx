'use client';
// Loads the widget bundle in the browser only: widgets register custom elements and open a Zero
// connection, neither of which can run on the server.
import { useEffect } from 'react';

export function WidgetBundle({ src }: { src: string }) {
  useEffect(() => {
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ src).catch((err: unknown) => {
      console.error(`Could not load the widget bundle from ${src}`, err);
    });
  }, [src]);
  return null;
}
