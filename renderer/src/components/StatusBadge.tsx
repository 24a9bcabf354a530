/**
 * A part's status in words with an icon, never colour alone (colour-blind users,
 * grey-scale printouts): "✓ Met", "? Review", "✗ Not met", "◷ Planned".
 */
import { statusLabels } from '../../../shared/domain/labels';
import type { PartStatus } from '../../../shared/rules/evaluation';

const icons: Record<PartStatus, string> = { met: '✓', review: '?', notMet: '✗', planned: '◷' };

export interface StatusBadgeProps {
  status: PartStatus;
  /** Words to use instead of the standard label (still shown with the icon). */
  label?: string;
  className?: string;
}

export function StatusBadge({ status, label, className }: StatusBadgeProps) {
  return (
    <span className={['status', `status-${status}`, className].filter(Boolean).join(' ')}>
      <span aria-hidden="true">{icons[status]}</span>
      {label ?? statusLabels[status]}
    </span>
  );
}
