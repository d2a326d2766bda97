// /compliance → dashboard; /compliance/exceptions → register; /compliance/{framework} →
// checklist; /compliance/{framework}/{requirement} → requirement view.
import { ComplianceDashboard } from './Dashboard';
import { Checklist } from './Checklist';
import { RequirementPage } from './Requirement';
import { ExceptionsPage } from './Exceptions';

export function CompliancePages({ path }: { path: string }) {
  const parts = path.split('/').slice(2).filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return <ComplianceDashboard />;
  if (parts.length === 1 && parts[0] === 'exceptions') return <ExceptionsPage />;
  if (parts.length === 1) return <Checklist key={parts[0]} fw={parts[0]!} />;
  return <RequirementPage key={`${parts[0]}/${parts[1]}`} fw={parts[0]!} rid={parts.slice(1).join('/')} />;
}
