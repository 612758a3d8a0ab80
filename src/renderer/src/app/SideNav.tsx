import type { MouseEvent } from 'react';
import { useCan } from '../components/permissions';
import { sectionHref, sections, type SectionId } from './sections';

interface Props {
  current: SectionId;
  onNavigate: (id: SectionId) => void;
}

/** The console's sections the operator's role can use, as links; the current one is marked. */
export function SideNav({ current, onNavigate }: Props) {
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
          <SectionLink key={section.id} section={section} isCurrent={section.id === current} onFollow={follow(section.id)} />
        ))}
      </ul>
    </nav>
  );
}

interface LinkProps {
  section: (typeof sections)[number];
  isCurrent: boolean;
  onFollow: (event: MouseEvent<HTMLAnchorElement>) => void;
}

function SectionLink({ section, isCurrent, onFollow }: LinkProps) {
  if (useCan(section.needs) === false && !isCurrent) return null;
  return (
    <li>
      <a
        className="side-nav__link"
        href={sectionHref(section.id)}
        aria-current={isCurrent ? 'page' : undefined}
        onClick={onFollow}
      >
        {section.label}
      </a>
    </li>
  );
}
