import type { MouseEvent } from 'react';
import { sectionHref, type Section, type SectionId } from './sections';

interface Props {
  /** Only the sections the operator's role can use. */
  sections: readonly Section[];
  current: SectionId;
  onNavigate: (id: SectionId) => void;
}

/** The console's sections the operator's role can use, as links; the current one is marked. */
export function SideNav({ sections, current, onNavigate }: Props) {
  const follow = (id: SectionId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(id);
  };
  return (
    <nav className="side-nav" aria-label="Sections">
      <div className="side-nav__brand" aria-hidden="true">
        Porter
      </div>
      <ul className="side-nav__list">
        {sections.map((section) => (
          <li key={section.id}>
            <a
              className="side-nav__link"
              href={sectionHref(section.id)}
              aria-current={section.id === current ? 'page' : undefined}
              onClick={follow(section.id)}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
