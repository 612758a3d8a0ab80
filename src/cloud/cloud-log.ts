/**
 * Where the cloud says what happened. Callers never pass a PIN code, a token, a pairing
 * code or a text's body: a log line is read by more people than the data it is about.
 */
export type CloudLog = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

export const silentLog: CloudLog = () => {};

export const consoleLog: CloudLog = (level, message, error) => {
  const line = `${new Date().toISOString()} ${level} ${message}`;
  if (level === 'error') console.error(line, error ?? '');
  else console.log(line);
};
