import { reportOverlappingQueriesOnExit } from './one-query-at-a-time';

// Preloaded (-r) into the command-line processes the tests start on PostgreSQL (test/support/cli.ts).
reportOverlappingQueriesOnExit();
