import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { adoptTokenFromHash } from './session.ts';
import { warmEngine } from './engine/client.ts';
import './styles.css';

adoptTokenFromHash();
warmEngine();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
