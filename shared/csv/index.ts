/** CSV: the pure half of the people importer and of the roster and attendance exports. */
export * from './export';
export * from './people';
export * from './preview';
export * from './text';
