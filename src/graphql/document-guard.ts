import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPEN = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSE = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** What the lexer tells of a document before it is parsed. */
export interface DocumentScan {
  /** How deep its brackets nest (as far as it was read). */
  nesting: number;
  /**
   * Whether it may hold an operation other than a query: `mutation` or `subscription` as a name
   * outside every bracket (where an operation's keyword stands), or a document not read to its
   * end. False only for a document that can hold nothing but queries.
   */
  mayWrite: boolean;
}

/**
 * How deep a document's brackets nest, read with graphql-js's own lexer (which does not recurse),
 * stopping once past `maxNesting` or `maxTokens`, and whether it may be anything but queries. A
 * lexical error is left to the parser to report.
 */
export function scanDocument(
  query: string,
  limits: { maxNesting: number; maxTokens: number },
): DocumentScan {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  let deepest = 0;
  let mayWrite = true;
  let writes = false;
  try {
    for (let n = 0, token = lexer.advance(); ; token = lexer.advance()) {
      if (token.kind === TokenKind.EOF) {
        mayWrite = writes;
        break;
      }
      if (++n > limits.maxTokens) break;
      if (OPEN.has(token.kind)) {
        deepest = Math.max(deepest, ++depth);
        if (deepest > limits.maxNesting) break;
      } else if (CLOSE.has(token.kind)) depth--;
      else if (
        depth === 0 &&
        token.kind === TokenKind.NAME &&
        (token.value === 'mutation' || token.value === 'subscription')
      )
        writes = true;
    }
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
  }
  return { nesting: deepest, mayWrite };
}

export function nestingOf(query: string, limits: { maxNesting: number; maxTokens: number }) {
  return scanDocument(query, limits).nesting;
}

/**
 * graphql-js parses recursively, so a document nested a couple of thousand levels deep (within
 * the token limit) overflows the stack in the parser. This refuses it before Apollo parses,
 * answering as Apollo answers any document that does not parse.
 *
 * Given `enterContext`, a request whose document may be anything but queries (or that has no
 * document) goes on through it: the request context (request id of audit events and logs) is
 * entered only for the requests that may write.
 */
export function documentGuard(
  limits: { maxNesting: number; maxTokens: number },
  enterContext?: (req: Request, res: Response, next: () => void) => void,
) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query =
      req.method === 'POST'
        ? (req.body as { query?: unknown } | undefined)?.query
        : req.query.query;
    if (typeof query !== 'string') return enterContext ? enterContext(req, res, next) : next();
    const scan = scanDocument(query, limits);
    if (scan.nesting <= limits.maxNesting) {
      return enterContext && scan.mayWrite ? enterContext(req, res, next) : next();
    }
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
