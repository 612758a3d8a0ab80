/**
 * What an attacker on the office network sends a browser host, each with what the host must
 * answer. The item tests send them one by one; hostile-host.test.ts sends them all at once.
 */
import { largestPayloadBytes, maxPayloadDepth } from '../../../../src/shared/contract';
import { closePayload, frameBytes, opcodes } from './raw-socket';

const get = (target: string, headers = 'Host: 127.0.0.1\r\n'): string => `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
const upgrade = (target: string, headers: string): string =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${headers}\r\n`;
const wsHeaders = 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

/**
 * Raw HTTP requests, with the status each must get. `null`: Node's parser drops the
 * connection without an answer (CONNECT with nobody to serve it); the host goes on either way.
 * `token` stands for the run's token, `origin` for the host's own origin.
 */
export const hostileRequests: { name: string; request: string; status: number | null }[] = [
  { name: 'a lone percent sign', request: get('/%'), status: 400 },
  { name: 'a cut-off UTF-8 escape', request: get('/%E0%A4%A'), status: 400 },
  { name: 'an escape that is not UTF-8', request: get('/%C0%AF'), status: 400 },
  { name: 'an escaped NUL', request: get('/index.html%00.js'), status: 400 },
  { name: 'escaped dots out of the folder', request: get('/%2e%2e/%2e%2e/package.json'), status: 404 },
  { name: 'escaped slashes out of the folder', request: get('/..%2f..%2fpackage.json'), status: 404 },
  { name: 'a path through a file', request: get('/index.html/x'), status: 404 },
  { name: 'a name too long for the file system', request: get(`/${'a'.repeat(5000)}`), status: 404 },
  { name: 'an absolute URL with a bad port', request: get('http://a:99999/'), status: 400 },
  { name: 'an absolute URL elsewhere', request: get('http://evil.example/index.html'), status: 200 },
  { name: 'an asterisk target', request: get('*'), status: 404 },
  { name: 'no Host header', request: 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', status: 400 },
  { name: 'a Host header that is no host', request: get('/', 'Host: [::1:bad\r\n'), status: 200 },
  { name: 'two Host headers', request: get('/', 'Host: 127.0.0.1\r\nHost: evil.example\r\n'), status: 200 },
  { name: 'a header of 20 KB', request: get('/', `Host: 127.0.0.1\r\nX-Big: ${'x'.repeat(20_000)}\r\n`), status: 431 },
  { name: 'a control character in a header', request: get('/', 'Host: 127.0.0.1\r\nX-Bad: a\u0001b\r\n'), status: 400 },
  { name: 'POST with a body', request: 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello', status: 405 },
  { name: 'OPTIONS', request: 'OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 405 },
  { name: 'TRACE', request: 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 405 },
  { name: 'PROPFIND', request: 'PROPFIND / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 405 },
  { name: 'a method no one knows', request: 'BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', status: 400 },
  { name: 'CONNECT', request: 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', status: null },
  { name: 'a broken chunked body', request: 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n', status: 405 },
  { name: 'not HTTP at all', request: '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n', status: 400 },
  { name: 'the socket path without an upgrade', request: get('/porter?token=token'), status: 404 },
  { name: 'an upgrade to another protocol', request: `GET /porter?token=token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nOrigin: origin\r\n\r\n`, status: 400 },
  { name: 'an upgrade with no key', request: upgrade('/porter?token=token', 'Sec-WebSocket-Version: 13\r\nOrigin: origin\r\n'), status: 400 },
  { name: 'an upgrade of an unknown version', request: upgrade('/porter?token=token', 'Sec-WebSocket-Version: 99\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: origin\r\n'), status: 400 },
  { name: 'an upgrade on another path', request: upgrade('/elsewhere', wsHeaders), status: 404 },
  { name: 'an upgrade with a bad escape', request: upgrade('/porter?token=%', wsHeaders), status: 401 },
  { name: 'an upgrade to an absolute URL with a bad port', request: upgrade('http://a:99999/porter', wsHeaders), status: 400 },
  { name: 'an upgrade without the token', request: upgrade('/porter', `${wsHeaders}Origin: origin\r\n`), status: 401 },
  { name: 'an upgrade from another origin', request: upgrade('/porter?token=token', `${wsHeaders}Origin: https://evil.example\r\n`), status: 403 },
];

/** Puts the run's token and origin into a request. */
export function withSecrets(request: string, token: string, origin: string): string {
  return request.replace(/token=token/g, `token=${encodeURIComponent(token)}`).replace(/Origin: origin/g, `Origin: ${origin}`);
}

const text = (payload: string | Buffer, more: Partial<Parameters<typeof frameBytes>[0]> = {}): Buffer =>
  frameBytes({ opcode: opcodes.text, payload, ...more });
const nested = (depth: number): string => `{"id":1,"command":"units.list","input":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;

/** Frames that break RFC 6455 or the contract's wire format, with the close code each must get. */
export const hostileFrames: { name: string; bytes: Buffer; code: number }[] = [
  { name: 'a frame over the size limit', bytes: text(Buffer.alloc(largestPayloadBytes + 4096, 0x20)), code: 1009 },
  { name: 'an absurd length (2^63 - 1)', bytes: text('', { claimedLength: 2n ** 63n - 1n }), code: 1009 },
  { name: 'invalid UTF-8 in a text frame', bytes: text(Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), code: 1007 },
  { name: 'an overlong UTF-8 encoding', bytes: text(Buffer.from([0xc0, 0xaf])), code: 1007 },
  { name: 'RSV1 set without an extension', bytes: text('{}', { rsv: 4 }), code: 1002 },
  { name: 'RSV2 set', bytes: text('{}', { rsv: 2 }), code: 1002 },
  { name: 'RSV3 set', bytes: text('{}', { rsv: 1 }), code: 1002 },
  { name: 'reserved data opcode 0x3', bytes: frameBytes({ opcode: 0x3, payload: '{}' }), code: 1002 },
  { name: 'reserved control opcode 0xB', bytes: frameBytes({ opcode: 0xb }), code: 1002 },
  { name: 'an unmasked client frame', bytes: text('{}', { masked: false }), code: 1002 },
  { name: 'a ping over 125 bytes', bytes: frameBytes({ opcode: opcodes.ping, payload: Buffer.alloc(126) }), code: 1002 },
  { name: 'a fragmented ping', bytes: frameBytes({ opcode: opcodes.ping, payload: 'x', fin: false }), code: 1002 },
  { name: 'a continuation with no start', bytes: frameBytes({ opcode: opcodes.continuation, payload: '{}' }), code: 1002 },
  { name: 'a new message inside a fragmented one', bytes: Buffer.concat([text('{"id":', { fin: false }), text('1}')]), code: 1002 },
  { name: 'a close code no one may send (999)', bytes: frameBytes({ opcode: opcodes.close, payload: closePayload(999) }), code: 1002 },
  { name: 'a reserved close code (1005)', bytes: frameBytes({ opcode: opcodes.close, payload: closePayload(1005) }), code: 1002 },
  { name: 'a close payload of one byte', bytes: frameBytes({ opcode: opcodes.close, payload: Buffer.from([3]) }), code: 1002 },
  { name: 'a close reason that is not UTF-8', bytes: frameBytes({ opcode: opcodes.close, payload: Buffer.concat([closePayload(1000), Buffer.from([0xff])]) }), code: 1007 },
  { name: 'a binary frame', bytes: frameBytes({ opcode: opcodes.binary, payload: '{"id":1,"command":"session.get","input":{}}' }), code: 1003 },
  { name: 'text that is not JSON', bytes: text('{"id": 1, "command": '), code: 1008 },
  { name: 'JSON with no id', bytes: text('{"command":"session.get","input":{}}'), code: 1008 },
  { name: 'JSON that is not an object', bytes: text('[1, "session.get", {}]'), code: 1008 },
  { name: `JSON nested ${maxPayloadDepth + 2} levels`, bytes: text(nested(maxPayloadDepth + 1)), code: 1008 },
  { name: 'JSON nested 100,000 levels', bytes: text(nested(100_000)), code: 1008 },
];
