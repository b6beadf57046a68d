// The built widget bundle (dist/widgets) as Vite's manifest describes it: which files each entry
// loads. Node only (the host's server and `npm run bundle:sizes`); no widget imports it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** Where `vite build` writes the bundle and the API serves it from (/widgets/). */
export function widgetBundleDir(projectRoot: string): string {
  return path.join(projectRoot, 'dist', 'widgets');
}

export function manifestFile(bundleDir: string): string {
  return path.join(bundleDir, '.vite', 'manifest.json');
}

function manifestAt(file: string): Manifest {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

export function readManifest(bundleDir: string): Manifest {
  const file = manifestFile(bundleDir);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`vite build\` first`);
  return manifestAt(file);
}

/**
 * Every file `key` loads, itself first, through static imports and, with `dynamic`, through
 * dynamic imports too (what it may fetch later).
 */
export function filesLoadedBy(manifest: Manifest, key: string, { dynamic }: { dynamic: boolean }): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) throw new Error(`manifest has no chunk ${k}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(dynamic ? (chunk.dynamicImports ?? []) : [])]) visit(next);
  };
  visit(key);
  return files;
}

/** The manifest key of the entry named `name` (`kpi-cards`, `loader`), if the build has one. */
export function entryKey(manifest: Manifest, name: string): string | undefined {
  return Object.entries(manifest).find(([, chunk]) => chunk.isEntry && chunk.name === name)?.[0];
}

/**
 * `read` of a file, kept until the file changes (the stack rebuilds the bundle while the servers
 * run), or undefined when there is no such file.
 */
function keptUntilChanged<T>(read: (file: string) => T): (file: string) => T | undefined {
  const kept = new Map<string, { mtimeMs: number; value: T }>();
  return (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const known = kept.get(file);
    if (known?.mtimeMs === stat.mtimeMs) return known.value;
    const value = read(file);
    kept.set(file, { mtimeMs: stat.mtimeMs, value });
    return value;
  };
}

const keptManifest = keptUntilChanged(manifestAt);

/** The bundle's manifest as it is now, or undefined before a build; read again only after one. */
export function currentManifest(bundleDir: string): Manifest | undefined {
  return keptManifest(manifestFile(bundleDir));
}

const contentVersion = keptUntilChanged((file) => createHash('sha256').update(fs.readFileSync(file)).digest('base64url').slice(0, 12));

/**
 * A short hash of a bundle file's content, or undefined when there is no such file. Entries keep
 * stable names for embedders; the host asks for them as `entry.js?v=<version>`, which the API lets
 * browsers cache for good, so a reload does not wait to revalidate them.
 */
export function fileVersion(bundleDir: string, file: string): string | undefined {
  return contentVersion(path.join(bundleDir, file));
}
