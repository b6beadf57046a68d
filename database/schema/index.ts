export * from './helpdesk.ts';
export * from './relations.ts';
