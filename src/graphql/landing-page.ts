import type { ApolloServerPlugin } from '@apollo/server';

/**
 * What a browser opening /graphql sees in development. No explorer is bundled: it would ship a
 * front end (and its fonts and scripts) with the API for a page only developers open, and one
 * loaded from a CDN does not load without the internet. Any GraphQL client works here instead;
 * introspection is on outside production.
 */
const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>晋创谷·吕梁 platform: GraphQL API</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
pre { padding: .75rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>Jinchuang Valley · Lüliang (晋创谷·吕梁) platform: GraphQL API</h1>
<p>This address is the GraphQL API. It has no page of its own to try queries in: send them from
any GraphQL client (Altair, Insomnia, Postman, Bruno, an IDE plugin) or from the command line,
as <code>POST</code> requests to this URL with <code>content-type: application/json</code> and a
body <code>{"query": "…", "variables": {…}}</code>.</p>
<p>Sign in first, then send the access token as <code>authorization: Bearer …</code>:</p>
<pre>curl -s http://localhost:3000/graphql -H 'content-type: application/json' \\
  -d '{"query":"mutation { login(input: {email: \\"analyst@jcv.example\\", password: \\"demo-password-2025\\"}) { accessToken } }"}'

curl -s http://localhost:3000/graphql -H 'content-type: application/json' \\
  -H "authorization: Bearer $TOKEN" -d '{"query":"{ zones { id code name } }"}'</pre>
<p>In development the schema can be read by introspection, so a client can complete and check
queries as you type. The contract the clients rely on is <code>docs/api-contract.graphql</code>
in the repository; the demo accounts are printed when the server starts.</p>
<p>Health: <a href="/health">/health</a>.</p>
</body>
</html>
`;

export const landingPagePlugin: ApolloServerPlugin = {
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: HTML };
      },
    };
  },
};
