import { defineConfig } from 'vite';

/**
 * The console's build. JSX is compiled by Vite's own transformer (tsconfig `jsx: react-jsx`);
 * every route's page is its own chunk, and the large libraries get chunks of their own so that
 * the sign-in page does not wait for the charts.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  // The one lib the browser shares with the API (pure, no imports): the credit-code rule.
  resolve: {
    alias: {
      '@jcv/credit-code': `${import.meta.dirname}/../../libs/credit-code/src/index.ts`,
    },
  },
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? '../../dist/console',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components; a browser bundle
      // has no server components, so the directive means nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:3000' } },
});
