/**
 * Who may call the core over IPC (after GitHub Desktop's trusted-ipc-sender): the main frame
 * of one of our own windows, while it shows the app page. A subframe, another web contents
 * (a devtools extension page, a stray window) or the app window after navigating elsewhere
 * is refused. Structural types keep it testable with plain objects.
 */
import { isAppPageUrl, type AppPage } from './app-page';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export interface ContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  getURL(): string;
}

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface SenderEventLike {
  readonly sender: ContentsLike;
  readonly senderFrame: FrameLike | null;
}

export interface SenderTrust<C extends ContentsLike = ContentsLike> {
  /** Adds one of our windows' web contents; it stays trusted until destroyed. */
  trust(contents: C): void;
  isTrustedSender(event: SenderEventLike): boolean;
  /** Our web contents whose main frame shows the app page now: where core events go. */
  trustedTargets(): C[];
}

export function createSenderTrust<C extends ContentsLike>(page: AppPage): SenderTrust<C> {
  const ours = new Map<number, C>();
  const live = (): C[] => {
    for (const [id, contents] of ours) if (contents.isDestroyed()) ours.delete(id);
    return [...ours.values()];
  };

  return {
    trust(contents) {
      ours.set(contents.id, contents);
    },
    isTrustedSender(event) {
      try {
        const sender = event.sender;
        if (!sender || sender.isDestroyed() || !live().some((c) => c.id === sender.id)) return false;
        // senderFrame is null once the frame navigated away or was destroyed: refuse.
        const frame = event.senderFrame;
        if (!frame) return false;
        const isMainFrame = frame === sender.mainFrame || frame.parent === null;
        return isMainFrame && isAppPageUrl(frame.url, page);
      } catch {
        return false;
      }
    },
    trustedTargets() {
      return live().filter((contents) => isAppPageUrl(contents.getURL(), page));
    },
  };
}
