import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { sqliteTransactionQueue } from './sqlite-transactions';

/**
 * The TypeORM adapter of @nestjs-cls/transactional, with one change for SQLite: a transaction that starts while
 * another async context's transaction is open waits for it (src/database/sqlite-transactions.ts). Transactions
 * joined through the ambient context (the default propagation) never reach the adapter, so they do not wait.
 */
export class SerialisedTransactionalAdapter extends TransactionalAdapterTypeOrm {
  constructor() {
    super({ dataSourceToken: DataSource });
    const typeOrmOptions = this.optionsFactory;
    this.optionsFactory = (dataSource: DataSource) => {
      const options = typeOrmOptions(dataSource);
      if (dataSource.options.type !== 'better-sqlite3') return options;
      const queue = sqliteTransactionQueue(dataSource);
      return {
        ...options,
        wrapWithTransaction: (txOptions, fn, setClient) =>
          queue.run(() => options.wrapWithTransaction(txOptions, fn, setClient)),
      };
    };
  }
}
