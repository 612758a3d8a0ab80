export * from './activity';
export * from './community';
export * from './credentials';
export * from './hardware';
export * from './primitives';
export * from './session';
export * from './units';
export * from './schedule';
