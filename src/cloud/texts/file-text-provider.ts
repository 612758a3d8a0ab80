import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ownerOnlyFile } from '../store/owner-only';
import type { TextMessage, TextProvider } from './text-provider';

/**
 * The default provider: appends one JSON line per text to a file (`<data-dir>/texts.jsonl`),
 * for demos and tests. Like a real provider it honours the idempotency key: a text sent
 * again after a crash (sent, but not yet marked sent) finds its line and is not written twice.
 */
export class FileTextProvider implements TextProvider {
  readonly path: string;
  private sent: Map<string, string> | null = null;

  constructor(filePath: string) {
    this.path = filePath;
  }

  async send(message: TextMessage): Promise<{ id: string }> {
    const sent = this.load();
    const earlier = sent.get(message.idempotencyKey);
    if (earlier) return { id: earlier };
    const id = `file_${randomUUID()}`;
    const line = { id, at: new Date().toISOString(), to: message.to, body: message.body, idempotencyKey: message.idempotencyKey };
    await fs.promises.appendFile(this.path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    sent.set(message.idempotencyKey, id);
    return { id };
  }

  /** Keys already in the file, read once: the file may hold texts from before a restart. */
  private load(): Map<string, string> {
    if (this.sent) return this.sent;
    // Phone numbers and links to codes: the file is its owner's alone, tightened if an older
    // version left it wider. Its folder is the cloud's data folder, which the store tightens.
    fs.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    ownerOnlyFile(this.path, { create: true });
    const sent = new Map<string, string>();
    const text = fs.existsSync(this.path) ? fs.readFileSync(this.path, 'utf8') : '';
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { id?: unknown; idempotencyKey?: unknown };
        if (typeof entry.id === 'string' && typeof entry.idempotencyKey === 'string') sent.set(entry.idempotencyKey, entry.id);
      } catch {
        // A line cut short by a crash mid-append: its text was never acknowledged, so it is sent again.
      }
    }
    this.sent = sent;
    return sent;
  }
}
