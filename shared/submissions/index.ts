export * from './base64';
export * from './compare';
export * from './next';
export * from './schema';
export * from './snapshot';
export * from './portal';
