/**
 * Catches a crash while drawing one screen so the rest of the app (navigation,
 * backups) keeps working, and says what to do next in plain words.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** Changing this (e.g. the screen id) clears the error. */
  resetKey: string;
  /** True around the whole app: there is no other screen to go to, so say so. */
  whole?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

/**
 * The database refusal of a newer release's records (renderer/db/schema.ts), found
 * under Dexie's wrappers (OpenFailed, DatabaseClosed keep it as `inner`).
 */
function newerDatabaseRefusal(error: Error): Error | null {
  let e: unknown = error;
  for (let i = 0; i < 5 && e instanceof Error; i++) {
    if (e.name === 'NewerDatabaseError') return e;
    e = (e as { inner?: unknown }).inner;
  }
  return null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const refusal = newerDatabaseRefusal(this.state.error);
    if (refusal !== null) {
      // Not a crash: every screen would say the same, and nothing was changed.
      return (
        <div className="page">
          <div className="notice notice-error" role="alert">
            <h1>These records need a newer version of the app</h1>
            <p>{refusal.message}</p>
          </div>
        </div>
      );
    }
    return (
      <div className="page">
        <div className="notice notice-error" role="alert">
          <h1>{this.props.whole ? 'The app could not start' : 'Something went wrong on this screen'}</h1>
          <p>
            Your saved records are safe. Try another screen from the menu on the left, or close and reopen the
            app.
          </p>
          <p className="small muted">Details for support: {this.state.error.message}</p>
        </div>
      </div>
    );
  }
}
