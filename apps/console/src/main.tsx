import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './apollo';
import { App } from './App';
import { session } from './auth/session';
import { initI18n } from './i18n';
import { LocaleProvider } from './locale';
import './styles.css';

initI18n();
void session.restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={apolloClient}>
      <LocaleProvider>
        <App />
      </LocaleProvider>
    </ApolloProvider>
  </StrictMode>,
);
