// Tailwind v4 gives its `--tw-*` variables their initial values through `@property` rules, which
// browsers ignore inside shadow roots, and through a fallback block it only enables for engines
// without `@property` support. Inside a shadow root we drop the dead rules and apply the fallback
// unconditionally, scoped to the shadow tree (no global side effects on the host page).

const propertyRule = /@property\s+--[\w-]+\s*\{[^{}]*\}/g;

/** Returns the index just past the `}` closing the block whose `{` is at `open`. */
function closingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error('Unbalanced braces in widget stylesheet');
}

/** Replaces each `@supports …{ body }` inside an `@layer properties{…}` block by its body. */
function unwrapPropertyFallback(css: string): string {
  // Only the block form: Tailwind also emits the statement `@layer properties;` to order layers.
  const layerBlock = /@layer\s+properties\s*\{/g;
  let out = css;
  for (let match = layerBlock.exec(out); match; match = layerBlock.exec(out)) {
    const open = match.index + match[0].length - 1;
    const end = closingBrace(out, open);
    let body = out.slice(open + 1, end - 1);
    const supports = body.search(/@supports\b/);
    if (supports >= 0) {
      const bodyOpen = body.indexOf('{', supports);
      const bodyEnd = closingBrace(body, bodyOpen);
      body = body.slice(0, supports) + body.slice(bodyOpen + 1, bodyEnd - 1) + body.slice(bodyEnd);
    }
    out = `${out.slice(0, open + 1)}${body}}${out.slice(end)}`;
    layerBlock.lastIndex = open + 1 + body.length + 1;
  }
  return out;
}

export function shadowSafeCss(css: string): string {
  return unwrapPropertyFallback(css.replace(propertyRule, ''));
}
