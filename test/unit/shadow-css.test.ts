import { compile } from '@tailwindcss/node';
import { describe, expect, it } from 'vitest';
import { shadowSafeCss } from '../../widgets/runtime/shadow-css.ts';

async function tailwind(candidates: string[]): Promise<string> {
  const compiler = await compile('@import "tailwindcss";', { base: import.meta.dirname, onDependency: () => {} });
  return compiler.build(candidates);
}

describe('shadowSafeCss on real Tailwind output', () => {
  it('removes every @property rule and applies the --tw-* defaults unconditionally', async () => {
    const css = await tailwind(['border-2', 'shadow-xl', 'ring-4', 'translate-x-6']);
    expect(css).toContain('@property --tw-');
    expect(css).toMatch(/@layer properties;/);
    expect(css).toMatch(/@layer properties\s*\{\s*@supports/);

    const fixed = shadowSafeCss(css);
    expect(fixed).not.toContain('@property');
    const layer = fixed.slice(fixed.search(/@layer properties\s*\{/));
    expect(layer).not.toMatch(/^@layer properties\s*\{\s*@supports/);
    // The defaults now sit directly in the layer, on every element of the shadow tree.
    expect(layer).toMatch(/^@layer properties\s*\{\s*\*,\s*::?before,\s*::?after,\s*::backdrop\s*\{[^}]*--tw-border-style:\s*solid/);
    expect(layer).toMatch(/--tw-ring-offset-width:\s*0px/);
  });

  it('keeps every ordinary rule intact', async () => {
    const css = await tailwind(['p-4', 'text-sm']);
    const fixed = shadowSafeCss(css);
    for (const rule of ['.p-4', '.text-sm']) expect(fixed).toContain(rule);
  });

  it('leaves CSS without Tailwind property rules unchanged', () => {
    const plain = ':host{display:block}.a{color:red}';
    expect(shadowSafeCss(plain)).toBe(plain);
  });
});

describe('shadowSafeCss on minified input', () => {
  it('unwraps the guard and keeps what follows the layer', () => {
    const input =
      '@layer properties;@layer theme{:host{--a:1}}@property --tw-x{syntax:"*";inherits:false;initial-value:1}.a{b:c}' +
      '@layer properties{@supports (((-webkit-hyphens:none)) and (not (margin-trim:block))){*,:before{--tw-x:1}}}.z{y:w}';
    expect(shadowSafeCss(input)).toBe('@layer properties;@layer theme{:host{--a:1}}.a{b:c}@layer properties{*,:before{--tw-x:1}}.z{y:w}');
  });
});
