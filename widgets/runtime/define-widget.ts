// Registers a React component as a custom element through r2wc, with what every widget needs:
// the shared stylesheet adopted before the first render, attribute removal that actually reaches
// React (r2wc ignores removed or empty attributes), HTML boolean attributes (present = true), and
// protection against double registration when several bundles' entries load on one page.
// Connecting also starts what the widget will wait for (start-widget.ts) and sends its requests
// (ask-ahead.ts) before React renders, while the main thread may still be busy evaluating scripts;
// disconnecting stops it asking.
import r2wc from '@r2wc/react-to-web-component';
import type { ComponentType } from 'react';
import type { WidgetTag } from '../../shared/widgets.ts';
import { widgetAsks } from '../asks.ts';
import { connectAsker, disconnectAsker } from './ask-ahead.ts';
import { startFromElement } from './start-widget.ts';
import { widgetStyleSheet } from './styles.ts';

export type AttributeType = 'string' | 'number' | 'boolean' | 'json';

/** r2wc keeps its state under these global symbols; we read and write them to clear a prop. */
const propsKey = Symbol.for('r2wc.props');
const renderKey = Symbol.for('r2wc.render');

interface R2wcElement extends HTMLElement {
  [propsKey]: Record<string, unknown>;
  [renderKey](): void;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;
}

function attributeName(prop: string): string {
  return prop.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function defineWidget<Props extends object>(
  tag: WidgetTag,
  component: ComponentType<Props>,
  props: Partial<Record<Extract<keyof Props, string>, AttributeType>>,
): void {
  if (customElements.get(tag)) return;
  const propTypes = props as Record<string, AttributeType>;
  const propByAttribute = new Map(Object.keys(propTypes).map((p) => [attributeName(p), p]));
  const Base = r2wc(component, { shadow: 'open', props }) as unknown as new () => R2wcElement;

  class Widget extends Base {
    constructor() {
      super();
      if (this.shadowRoot) this.shadowRoot.adoptedStyleSheets = [widgetStyleSheet()];
    }

    override connectedCallback() {
      connectAsker(this, tag, widgetAsks[tag]);
      startFromElement(tag, this);
      super.connectedCallback();
    }

    override disconnectedCallback() {
      disconnectAsker(this);
      super.disconnectedCallback();
    }

    override attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null) {
      const prop = propByAttribute.get(name);
      if (prop !== undefined && (newValue === null || newValue === '')) {
        const type = propTypes[prop];
        // HTML boolean attributes: present (even empty, <x sync-url>) is true, absent is false.
        this[propsKey][prop] =
          type === 'boolean' ? newValue === '' : type === 'string' && newValue === '' ? '' : undefined;
        this[renderKey]();
        return;
      }
      super.attributeChangedCallback(name, oldValue, newValue);
    }
  }

  customElements.define(tag, Widget);
}
