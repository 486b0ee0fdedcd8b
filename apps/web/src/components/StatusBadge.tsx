import { humanize } from '../lib/format';

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status.toLowerCase()}`} data-testid="status">
      {humanize(status)}
    </span>
  );
}
