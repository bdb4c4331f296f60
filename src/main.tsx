import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The page's stylesheets in cascade order: the tokens, the frame, the shared widgets. Each feature's
// components import the feature's own stylesheet, which comes after these; the features' order
// among themselves follows the import graph (the diagnosis tools' arrives last, with their lazily
// loaded code), so no feature's rule may depend on coming after another feature's.
import './app/tokens.css';
import './app/layout.css';
import './components/ui/ui.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
