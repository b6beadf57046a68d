// One constructable stylesheet per page, adopted by every widget's shadow root: the CSS is parsed
// once, and adopted sheets need no 'unsafe-inline' in the host page's CSP.
import cssText from './tailwind.css?inline';
import { shadowSafeCss } from './shadow-css.ts';

let sheet: CSSStyleSheet | undefined;

export function widgetStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(shadowSafeCss(cssText));
  }
  return sheet;
}
