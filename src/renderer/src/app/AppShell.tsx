import type { SignedInSession } from '../api/session';
import { AccessPage } from '../features/access/AccessPage';
import { ActivityPage } from '../features/activity/ActivityPage';
import { GuidelinesPage } from '../features/guidelines/GuidelinesPage';
import { HardwarePage } from '../features/hardware/HardwarePage';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { UnitsPage } from '../features/units/UnitsPage';
import { assertNever } from '../../../shared/errors';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import { sectionsFor, useSection, type SectionId } from './sections';
import './shell.css';

function SectionPage({ section }: { section: SectionId }) {
  switch (section) {
    case 'units':
      return <UnitsPage />;
    case 'access':
      return <AccessPage />;
    case 'hardware':
      return <HardwarePage />;
    case 'activity':
      return <ActivityPage />;
    case 'guidelines':
      return <GuidelinesPage />;
    default:
      return assertNever(section, 'section');
  }
}

/** The signed-in console: the sections the operator's role can use, the header, the page, the cloud sync bar. */
export function AppShell({ session }: { session: SignedInSession }) {
  const [requested, go] = useSection();
  const offered = sectionsFor(session.operator.role);
  // A link or reload may name a section this role cannot use: show Units instead.
  const section = offered.some((s) => s.id === requested) ? requested : 'units';
  return (
    <div className="app">
      <SideNav sections={offered} current={section} onNavigate={go} />
      <div className="app__body">
        <AppHeader session={session} />
        <main className="app__main" key={section}>
          <SectionPage section={section} />
        </main>
        <SyncStatusBar />
      </div>
    </div>
  );
}
