import { useCallback, useEffect, useState } from 'react';
import { mayRun } from '../../../shared/contract-roles';
import type { Role } from '../../../shared/domain';

/** Each section names the command it cannot work without, to hide it from roles the core refuses. */
export const sections = [
  { id: 'units', label: 'Units', needs: 'units.list' },
  { id: 'access', label: 'Access', needs: 'access.grant' },
  { id: 'hardware', label: 'Hardware', needs: 'hardware.overview' },
  { id: 'activity', label: 'Activity', needs: 'activity.list' },
  { id: 'guidelines', label: 'Guidelines', needs: 'community.updateGuidelines' },
] as const;

export type SectionId = (typeof sections)[number]['id'];
export type Section = (typeof sections)[number];

/** The sections this role can use, in menu order: Units is open to every role. */
export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => mayRun(section.needs, role));
}

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
