// First of all: zod must be told before any schema is built that eval is not allowed (zod-config.ts).
import '../../shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles load first so each screen's own stylesheet, imported by its module, can refine them.
import './styles.css';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';

// Ask the browser not to evict our IndexedDB under storage pressure (the Town screen shows the answer).
void navigator.storage?.persist?.().catch(() => false);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary resetKey="app" whole>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
