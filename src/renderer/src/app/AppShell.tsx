import { AccessPage } from '../features/access/AccessPage';
import { ActivityPage } from '../features/activity/ActivityPage';
import { HardwarePage } from '../features/hardware/HardwarePage';
import { UnitsPage } from '../features/units/UnitsPage';
import { assertNever } from '../../../shared/errors';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';
import { useSection, type SectionId } from './sections';
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
    default:
      return assertNever(section, 'section');
  }
}

export function AppShell() {
  const [section, go] = useSection();
  return (
    <div className="app">
      <SideNav current={section} onNavigate={go} />
      <div className="app__body">
        <AppHeader />
        <main className="app__main" key={section}>
          <SectionPage section={section} />
        </main>
      </div>
    </div>
  );
}
