// Progress over days: practice records, consistency, trends, insight lines,
// readiness rules and the ladder they unlock.
export * from './days.js';
export * from './history.js';
export * from './consistency.js';
export * from './trends.js';
export * from './insights.js';
export * from './readiness.js';
export * from './ladder.js';
