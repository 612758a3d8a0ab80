/** The key-programmer's application protocol: commands, the credential table, the clock setting. */
export * from './commands';
export * from './credential-table';
export * from './door-capabilities';
export * from './message-limits';
export * from './zone-transitions';
