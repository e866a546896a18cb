import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import type { AppConfig } from '@jcv/config';
import { applyAccessPolicy, DateTimeScalar, RequestLoaders, requestContext } from '@jcv/shared';
import { createFormatError, errorRequestIdPlugin } from './format-error.js';
import { inputGuardPlugin } from './input-guard.plugin.js';
import { landingPagePlugin } from './landing-page.js';
import { replicaReadsPlugin } from './replica-reads.plugin.js';

/** The query limits, also quoted in the README. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 5000,
  maxDirectives: 20,
  /** Brackets ({, [, () open at once; graphql-js parses recursively and overflows near 2,000. */
  maxNesting: 64,
};

/** Puts the request's SQL statement count in the `x-sql-statements` response header. */
const statementCountPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({
        response,
      }: {
        response: { http: { headers: Map<string, string> } };
      }) {
        response.http.headers.set(
          'x-sql-statements',
          String(requestContext.getStore()?.sqlStatements ?? 0),
        );
      },
    };
  },
} as never;

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: !config.production },
    // `__typename` costs little but is a field like any other: 1,600 of them are still work.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: !config.production },
    // Tokens are counted by the parser itself (parseOptions below), which stops at the limit;
    // armor's own count parses the document a second time and answers its refusals with 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Suggestions ("did you mean …") are stripped by the error mapping, in validation and in
    // variable coercion alike.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: {
      dateScalarMode: 'isoDate',
      // Nest's DateTime takes whatever `new Date()` makes of an input; this one is strict.
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    },
    // Every field behind the one access policy: who reads it, and which rows (see @jcv/shared).
    transformSchema: applyAccessPolicy,
    introspection: !config.production,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // No explorer fetched from a CDN: development gets a plain page saying how to call the API.
    graphiql: false,
    // Automatic persisted queries are off: answers are not cached over HTTP here, and a cache of
    // documents keyed by what callers send is one more thing to fill. Clients are told
    // PERSISTED_QUERY_NOT_SUPPORTED and send the document itself.
    persistedQueries: false,
    includeStacktraceInErrorResponses: !config.production,
    allowBatchedHttpRequests: false,
    // graphql-armor's types name Apollo's CommonJS build, Nest's its ESM build: the same plugin.
    // No HTTP caching of answers here (they differ per caller), so Apollo's cache-control plugin,
    // which wraps every field's resolver, is left out.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      inputGuardPlugin,
      errorRequestIdPlugin as never,
      ...(config.production ? [] : [landingPagePlugin]),
      ...(protection.plugins as never[]),
      ...(config.sqlStatementCount ? [statementCountPlugin] : []),
      ...(config.databaseReplicaUrls.length
        ? [replicaReadsPlugin(config.replicaStickySeconds) as never]
        : []),
    ],
    validationRules: protection.validationRules,
    formatError: createFormatError(!config.production),
    context: ({ req, res }: { req: Request; res: Response }) => ({
      req,
      res,
      loaders: new RequestLoaders(),
    }),
  };
}
