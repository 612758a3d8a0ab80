/** The disconnect event of a link: fires its listeners once, and at once for late subscribers. */
export class DisconnectNotice {
  private readonly listeners = new Set<() => void>();
  private fired = false;

  get happened(): boolean {
    return this.fired;
  }

  subscribe(listener: () => void): () => void {
    if (this.fired) {
      queueMicrotask(listener);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    if (this.fired) return;
    this.fired = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}
