import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import type { AppConfig } from '@jcv/config';
import { RequestLoaders, requestContext } from '@jcv/shared';
import { createFormatError } from './format-error.js';

/** The query limits, also quoted in the README. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 5000,
  maxDirectives: 20,
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
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: !config.production },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Suggestions ("did you mean …") help developers and map the schema for attackers.
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    allowBatchedHttpRequests: false,
    // graphql-armor's types name Apollo's CommonJS build, Nest's its ESM build: the same plugin.
    // No HTTP caching of answers here (they differ per caller), so Apollo's cache-control plugin,
    // which wraps every field's resolver, is left out.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...(protection.plugins as never[]),
      ...(config.sqlStatementCount ? [statementCountPlugin] : []),
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
