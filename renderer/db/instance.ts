/** The app's one database (name 'equity-training-ledger'); opened lazily on the first query. */
import { createDb, DEFAULT_DB_NAME } from './schema';

export const db = createDb(DEFAULT_DB_NAME);
