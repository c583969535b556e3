import 'antd/dist/reset.css';
import './theme/accessibility.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startEarlyPage } from './app/routes';
import { createApolloClient } from './graphql/client';
import { MeDocument } from './graphql/generated/graphql';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const apolloClient = createApolloClient();
// Every page first asks who is signed in: ask now, while React renders the app, instead of
// after the first render (the auth gate's query joins this request or reads its answer).
apolloClient.query({ query: MeDocument }).catch(() => undefined);
startEarlyPage(window.location.pathname, window.location.search, apolloClient);

createRoot(container).render(
  <StrictMode>
    <App apolloClient={apolloClient} />
  </StrictMode>,
);
