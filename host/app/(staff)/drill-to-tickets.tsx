'use client';
// A chart's drill-down (ops-drill) opens the Tickets page with the clicked segment's filter, in the
// same URL form the ticket list mirrors, so the view is a link too.
import { useEffect } from 'react';
import { ticketsHref } from '../tickets-href.ts';

export function DrillToTickets() {
  useEffect(() => {
    const open = (event: Event) => {
      const { detail } = event as CustomEvent<{ filters: object; status?: string }>;
      if (event.target instanceof Element && event.target.localName === 'ops-ticket-list') return;
      window.location.assign(ticketsHref(detail.filters, detail.status));
    };
    document.addEventListener('ops-drill', open);
    return () => document.removeEventListener('ops-drill', open);
  }, []);
  return null;
}
