import { childOverlapsFile } from './cli';
import { isPostgresRun } from './test-database';
import { takeOverlappingQueries, watchOverlappingQueries } from './one-query-at-a-time';

// Registered for every database test file (jest.db.config.js); only PostgreSQL has the problem.
function failOnOverlappingQueries(): void {
  const overlaps = takeOverlappingQueries(childOverlapsFile());
  if (overlaps.length)
    throw new Error(`A query was sent on a PostgreSQL connection while another ran:\n\n${overlaps.join('\n\n')}`);
}

if (isPostgresRun()) {
  watchOverlappingQueries();
  afterEach(failOnOverlappingQueries);
  afterAll(failOnOverlappingQueries);
}
