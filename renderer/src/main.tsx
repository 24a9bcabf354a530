// First of all: zod must be told before any schema is built that eval is not allowed (zod-config.ts).
import '../../shared/zod-config';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles load first so each screen's own stylesheet, imported by its module, can refine them.
import './styles.css';
import { startSharing } from '../sync/controller';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';

// Ask the browser not to evict our IndexedDB under storage pressure (the Town screen shows the answer).
void navigator.storage?.persist?.().catch(() => false);

// A computer set up for sharing picks it up where it was left (with sharing off this does nothing
// and loads no network code).
void startSharing().catch(() => undefined);

// Only the browser edition (npm run build:web) has a service worker, an update prompt and the note
// about where its records live. A constant condition, so the desktop bundle leaves all of it out.
const WebEditionNote =
  import.meta.env.VITE_EDITION === 'web'
    ? lazy(() => import('./platform/web/WebEditionNote').then((m) => ({ default: m.WebEditionNote })))
    : null;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {WebEditionNote ? (
        <Suspense fallback={null}>
          <WebEditionNote />
        </Suspense>
      ) : null}
      <ErrorBoundary resetKey="app" whole>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
