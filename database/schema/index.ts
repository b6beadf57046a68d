export * from './auth.ts';
export * from './helpdesk.ts';
export * from './live.ts';
export * from './policies.ts';
export * from './relations.ts';
