import type { TxStatements } from './postgres-tx-statements';

/** How many cursors the first draw takes (a push of one mutation appends one change); each next draw twice the last, up to `largestDraw`. */
const firstDraw = 4;
const largestDraw = 64;

/**
 * Change cursors for one community write transaction, drawn (a few, then more at a time) from the changes table's identity
 * sequence ahead of the INSERTs that use them, so that appending a change never waits for its
 * own answer: the mutation's answer (which holds its cursor) is known before the INSERT is.
 * Drawn under the community's write lock (the draw is a locked statement), so within a
 * community cursors still follow commit order; those left unused at the end are gaps, as a
 * rolled-back INSERT leaves, and a pull (`cursor > after`) never minds gaps.
 */
export class ChangeCursors {
  private drawn: number[] = [];
  private next: Promise<number[]> | null = null;
  private drawSize = firstDraw;
  private drawnBefore = false;

  constructor(private readonly statements: TxStatements) {
    // The first draw goes out with the lock, answered by the time the first change is appended.
    statements.onLock = () => this.drawAhead();
  }

  async take(): Promise<number> {
    if (this.drawn.length === 0) {
      const next = this.next ?? this.draw();
      this.next = null;
      // A draw that went out while an earlier statement had failed (rolled back since) is drawn again.
      this.drawn = await next.catch(async () => {
        await this.statements.answered();
        return this.draw();
      });
    }
    const cursor = this.drawn.shift()!;
    if (this.drawn.length <= this.drawSize / 2) this.drawAhead();
    return cursor;
  }

  /** The next draw, sent with this transaction's next statements and answered before it is needed. */
  private drawAhead(): void {
    if (this.next) return;
    // The first draw goes with the lock at its first size; a transaction that appends more draws more at a time.
    if (this.drawnBefore) this.drawSize = Math.min(this.drawSize * 2, largestDraw);
    this.drawnBefore = true;
    this.next = this.draw();
    this.next.catch(() => undefined);
  }

  private async draw(): Promise<number[]> {
    const found = await this.statements.sendLocked<{ cursor: number }>("SELECT nextval(pg_get_serial_sequence('changes', 'cursor')) AS cursor FROM generate_series(1, $1)", [this.drawSize]);
    return found.rows.map((r) => r.cursor).sort((a, b) => a - b);
  }
}
