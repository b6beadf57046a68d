// Custom elements the host places. Only strings cross into them (attributes), which React renders
// identically on the server and the client.
import 'react';

type WidgetAttributes = { 'api-url'?: string; 'zero-url'?: string; id?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ops-recent-tickets': WidgetAttributes;
    }
  }
}
