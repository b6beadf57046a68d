/** The Tickets page showing a filter (and optionally open or closed tickets only). */
export function ticketsHref(filters: object, status?: string): string {
  const params = new URLSearchParams();
  if (Object.keys(filters).length > 0) params.set('ops-filters', JSON.stringify(filters));
  if (status) params.set('status', status);
  const query = params.toString();
  return query ? `/tickets?${query}` : '/tickets';
}
