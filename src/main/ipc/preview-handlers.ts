import { accessPreview } from '../hardware/preview/access-preview';
import { bulkPreview } from '../hardware/preview/bulk-preview';
import type { HandlerDeps } from './handlers';
import type { Handlers } from './handlers-type';

type PreviewCommand = 'access.preview' | 'access.previewBulk';

/** What each door will hold, before a grant is sent (src/main/hardware/preview). */
export function createPreviewHandlers(deps: HandlerDeps): Pick<Handlers, PreviewCommand> {
  return {
    'access.preview': (request) => accessPreview(deps, request),
    'access.previewBulk': (request) => bulkPreview(deps, request),
  };
}
