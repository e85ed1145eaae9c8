import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { takeBootLogin } from './app/boot-login';
import { registerServiceWorker } from './app/service-worker';
import { preloadLanguage } from './i18n/I18nProvider';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void Promise.all([takeBootLogin(), preloadLanguage().catch(() => undefined)]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
registerServiceWorker();
