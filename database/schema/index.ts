export * from './auth.ts';
export * from './helpdesk.ts';
export * from './policies.ts';
export * from './relations.ts';
