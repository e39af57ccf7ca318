// pg ships without types and the application reaches it only through TypeORM; the tests watch one method of it
// and copy the migrated database for each Jest worker with it (worker-databases.ts).
declare module 'pg' {
  export class Client {
    constructor(config?: { connectionString?: string });
    connect(): Promise<void>;
    query(...args: unknown[]): unknown;
    end(): Promise<void>;
  }
}
