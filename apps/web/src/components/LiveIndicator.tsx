import type { LiveStatus } from '../api/live';

const LABELS: Record<LiveStatus, string> = {
  live: 'live',
  connecting: 'connecting…',
  offline: 'offline — retrying',
};

/** The feed's state, announced politely to screen readers when it changes. */
export function LiveIndicator({ status, reason }: { status: LiveStatus; reason?: string }) {
  return (
    <span
      className={`live live-${status}`}
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
      data-status={status}
      title={status === 'offline' && reason ? `Offline: ${reason}` : undefined}
    >
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
