// Custom elements the host places. Only strings cross into them (attributes), which React renders
// identically on the server and the client.
import 'react';

type Common = {
  'api-url'?: string;
  'zero-url'?: string;
  token?: string;
  filters?: string;
  'filter-scope'?: string;
  'sync-url'?: string;
  theme?: 'light' | 'dark' | 'auto';
  id?: string;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ops-recent-tickets': Common;
      'ops-filter-bar': Common;
      'ops-kpi-cards': Common;
      'ops-tickets-over-time': Common & { chart?: 'line' | 'bar' };
      'ops-ticket-distribution': Common & { view?: 'type' | 'priority' | 'both' };
      'ops-team-performance': Common;
      'ops-response-time': Common;
      'ops-client-analysis': Common & { 'page-size'?: string };
      'ops-ticket-list': Common & { status?: string };
      'ops-ticket-inbox': Common & { 'page-size'?: string };
      'ops-client-portal': Common & { 'page-size'?: string };
    }
  }
}
