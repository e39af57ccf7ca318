// pg ships without types and the application reaches it only through TypeORM; the tests watch one method of it.
declare module 'pg' {
  export class Client {
    query(...args: unknown[]): unknown;
  }
}
