import { lazy, Suspense } from 'react';
import type { SignedInSession } from '../api/session';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { UnitsPage } from '../features/units/UnitsPage';
import { assertNever } from '../../../shared/errors';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import { sectionsFor, useSection, type SectionId } from './sections';
import './shell.css';

// Units is the home screen and paints first; the other pages load when first opened, so their
// code (and the libraries only they use) is not parsed before the first rows.
const AccessPage = lazy(() => import('../features/access/AccessPage').then((m) => ({ default: m.AccessPage })));
const ActivityPage = lazy(() => import('../features/activity/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const HardwarePage = lazy(() => import('../features/hardware/HardwarePage').then((m) => ({ default: m.HardwarePage })));
const GuidelinesPage = lazy(() => import('../features/guidelines/GuidelinesPage').then((m) => ({ default: m.GuidelinesPage })));

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
          <Suspense fallback={<p className="app__loading" role="status">Loading…</p>}>
            <SectionPage section={section} />
          </Suspense>
        </main>
        <SyncStatusBar />
      </div>
    </div>
  );
}
