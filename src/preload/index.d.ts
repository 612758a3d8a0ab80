import type { PorterApi } from '../shared/contract';

declare global {
  interface Window {
    /** The contract, and nothing else: exposed by the preload, or by the browser host's bridge. */
    porter: PorterApi;
  }
}
export {};
