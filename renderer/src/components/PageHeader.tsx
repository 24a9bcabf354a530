/** The top of every screen: the one h1, a sentence saying what the screen is for, and its main buttons. */
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  /** What this screen is for, in one sentence. */
  lead?: ReactNode;
  /** Buttons on the right (e.g. "Add person"). */
  actions?: ReactNode;
}

export function PageHeader({ title, lead, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {actions ? <div className="row">{actions}</div> : null}
    </header>
  );
}
