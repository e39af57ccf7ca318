import { takeServerProblems } from './server-problems';

// Registered for every end-to-end and browser test file (jest.e2e.config.js, jest.browser.config.js).
function failOnServerProblems(): void {
  const problems = takeServerProblems();
  if (problems.length) throw new Error(`The server answered 5xx or logged an error:\n${problems.join('\n')}`);
}

afterEach(failOnServerProblems);
afterAll(failOnServerProblems);
