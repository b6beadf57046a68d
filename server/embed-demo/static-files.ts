// Serves a page's own files from static/: read once at start-up (they do not change while the demo
// runs), answered with their type and revalidated on every load.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const staticDir = path.join(import.meta.dirname, 'static');
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A handler for a route with a `:file` parameter that answers only the files named here. */
export function staticFiles(names: readonly string[]) {
  const files = new Map(
    names.map((name) => {
      const type = types[path.extname(name)];
      if (!type) throw new Error(`embed demo: no content type for ${name}`);
      return [name, { type, body: fs.readFileSync(path.join(staticDir, name), 'utf8') }];
    }),
  );
  return (c: Context) => {
    const file = files.get(c.req.param('file') ?? '');
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(file.body);
  };
}
