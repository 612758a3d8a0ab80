import { useCallback, useEffect, useState } from 'react';

export const sections = [
  { id: 'units', label: 'Units' },
  { id: 'access', label: 'Access' },
  { id: 'hardware', label: 'Hardware' },
  { id: 'activity', label: 'Activity' },
] as const;

export type SectionId = (typeof sections)[number]['id'];

function isSectionId(value: string | null): value is SectionId {
  return sections.some((section) => section.id === value);
}

/**
 * The hash holds `view=<section>` next to whatever else is there (the browser host keeps its
 * `token=` in the hash), so a reload stays on the same section and keeps the token.
 */
function readSection(): SectionId {
  const view = new URLSearchParams(window.location.hash.slice(1)).get('view');
  return isSectionId(view) ? view : 'units';
}

export function sectionHref(id: SectionId): string {
  const params = new URLSearchParams(window.location.hash.slice(1));
  params.set('view', id);
  return `#${params.toString()}`;
}

export function useSection(): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(readSection);
  useEffect(() => {
    const onHashChange = () => setSection(readSection());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const go = useCallback((id: SectionId) => {
    window.history.replaceState(null, '', sectionHref(id));
    setSection(id);
  }, []);
  return [section, go];
}
