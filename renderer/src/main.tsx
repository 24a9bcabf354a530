import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

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
