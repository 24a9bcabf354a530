/** What a list shows when it has nothing yet: what goes here, and the one button that adds the first. */
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** Usually one primary button. */
  action?: ReactNode;
  /** Heading level for the title (default 2). */
  level?: 2 | 3;
}

export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <div className="empty-state">
      <Heading>{title}</Heading>
      {children ? <div>{children}</div> : null}
      {action ? <div className="row row-center">{action}</div> : null}
    </div>
  );
}
