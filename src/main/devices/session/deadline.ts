/** The reason a Deadline's signal carries when its time, not the caller, ran out. */
export class DeadlinePassedError extends Error {
  constructor() {
    super('The deadline passed');
    this.name = 'DeadlinePassedError';
  }
}

/**
 * A signal that aborts when the caller's signal does or when a timer runs out, whichever is
 * first. The timer can be restarted: a keep-alive from the programmer, or each packet of an
 * answer, buys the exchange more time without the caller's signal changing.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onCallerAbort = () => this.controller.abort(this.caller.reason);

  constructor(private readonly caller: AbortSignal) {
    if (caller.aborted) this.controller.abort(caller.reason);
    else caller.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the timer, not the caller, ended it. */
  get passed(): boolean {
    return this.controller.signal.reason instanceof DeadlinePassedError;
  }

  restart(ms: number): void {
    clearTimeout(this.timer);
    if (this.controller.signal.aborted) return;
    this.timer = setTimeout(() => this.controller.abort(new DeadlinePassedError()), ms);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller.removeEventListener('abort', this.onCallerAbort);
  }
}

/** Settles with `work`, or rejects with the signal's reason if it aborts first. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined); // its outcome no longer matters to anyone
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A signal that aborts with the first of `signals` to abort, and a dispose that unhooks it.
 * Used instead of AbortSignal.any, which keeps a listener on a long-lived signal (the
 * session's own) for every exchange, and has leaked on Node 20.
 */
export function linkedSignal(...signals: AbortSignal[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const aborted = signals.find((s) => s.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, dispose: () => undefined };
  }
  const hooks = signals.map((source) => {
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    return () => source.removeEventListener('abort', onAbort);
  });
  return { signal: controller.signal, dispose: () => hooks.forEach((unhook) => unhook()) };
}
