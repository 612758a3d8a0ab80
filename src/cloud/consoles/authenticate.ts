import type { IncomingMessage } from 'node:http';
import { unauthorized } from '../http/http-error';
import type { CloudStore, ConsoleRecord } from '../store/cloud-store';
import { bearerToken, hashConsoleToken } from './console-token';

/** The console behind the request's bearer token; 401 when there is none, or it is unknown or revoked. */
export async function authenticate(req: IncomingMessage, store: CloudStore): Promise<ConsoleRecord> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw unauthorized();
  const console = await store.consoleByTokenHash(hashConsoleToken(token));
  if (!console) throw unauthorized('This console token is unknown or was revoked; pair the console again.');
  return console;
}
