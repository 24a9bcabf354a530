/**
 * The part of PouchDB 9 this app uses, typed here. PouchDB ships no types, and the
 * DefinitelyTyped ones declare a global `Buffer` and the DOM library into every program that
 * sees them, which breaks the Node-side projects (main process, tests). These declarations
 * are ambient modules and touch nothing global. The modules' real shape is a default
 * export, hence the two rules turned off for this file only.
 */
/* eslint-disable no-restricted-syntax, @typescript-eslint/consistent-type-imports */
declare module 'pouchdb-core' {
  export interface PouchError {
    status?: number;
    name?: string;
    message?: string;
  }
  export interface ExistingDoc {
    _id: string;
    _rev: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface WriteResult {
    ok?: boolean;
    id: string;
    rev: string;
    error?: string;
    status?: number;
  }
  export interface Change {
    id: string;
    seq: string | number;
    deleted?: boolean;
    doc?: ExistingDoc;
  }
  export interface ChangesPage {
    results: Change[];
    last_seq: string | number;
  }
  export interface ReplicationChange {
    direction: 'push' | 'pull';
    change: { docs: unknown[]; docs_written: number };
  }
  export interface Sync extends PromiseLike<unknown> {
    on(event: 'change', listener: (info: ReplicationChange) => void): Sync;
    cancel(): void;
  }
  export interface Database {
    readonly name: string;
    info(): Promise<{ doc_count: number; update_seq: string | number }>;
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<ExistingDoc>;
    put(doc: { _id: string; _rev?: string; [field: string]: unknown }): Promise<WriteResult>;
    remove(id: string, rev: string): Promise<WriteResult>;
    bulkDocs(
      docs: readonly { _id: string; [field: string]: unknown }[],
    ): Promise<(WriteResult | PouchError)[]>;
    allDocs(options?: { include_docs?: boolean; limit?: number; startkey?: string; skip?: number }): Promise<{
      total_rows: number;
      rows: { id: string; key: string; value: { rev: string }; doc?: ExistingDoc }[];
    }>;
    changes(options: {
      since: string | number;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<ChangesPage>;
    sync(remote: Database, options?: { batch_size?: number; batches_limit?: number }): Sync;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  export interface Options {
    adapter?: string;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
  }
  export type Plugin = (pouch: PouchStatic) => void;
  export interface PouchStatic {
    new (name: string, options?: Options): Database;
    plugin(plugin: Plugin): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: import('pouchdb-core').Plugin;
  export default plugin;
}
