import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPEN = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSE = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * How deep a document's brackets nest, read with graphql-js's own lexer (which does not recurse),
 * stopping once past `maxNesting` or `maxTokens`. A lexical error is left to the parser to report.
 */
export function nestingOf(query: string, limits: { maxNesting: number; maxTokens: number }) {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  let deepest = 0;
  try {
    for (
      let n = 0, token = lexer.advance();
      token.kind !== TokenKind.EOF;
      token = lexer.advance()
    ) {
      if (++n > limits.maxTokens) break;
      if (OPEN.has(token.kind)) {
        deepest = Math.max(deepest, ++depth);
        if (deepest > limits.maxNesting) break;
      } else if (CLOSE.has(token.kind)) depth--;
    }
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
  }
  return deepest;
}

/**
 * graphql-js parses recursively, so a document nested a couple of thousand levels deep (within
 * the token limit) overflows the stack in the parser. This refuses it before Apollo parses,
 * answering as Apollo answers any document that does not parse.
 */
export function documentGuard(limits: { maxNesting: number; maxTokens: number }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query =
      req.method === 'POST'
        ? (req.body as { query?: unknown } | undefined)?.query
        : req.query.query;
    if (typeof query !== 'string' || nestingOf(query, limits) <= limits.maxNesting) return next();
    res.status(400).json({
      errors: [
        {
          message: `Syntax Error: Nesting limit of ${limits.maxNesting} exceeded.`,
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
  };
}
