import {
  type ApolloServerPlugin,
  type GraphQLRequestListener,
  type GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OperationTypeNode } from 'graphql';
import passport from 'passport';
import { PG, pgError } from '@jcv/database';
import { type ClaimRef, IdempotencyStore } from './idempotency.store.js';
import {
  fingerprint,
  IDEMPOTENCY_HEADER,
  keyProblem,
  REPLAYED_HEADER,
  rootFields,
  shouldRelease,
} from './idempotency.rules.js';

interface Context {
  req: Request;
  res: Response;
}

const log = new Logger('Idempotency');

/**
 * The caller's user id, verified by the access guard's own passport strategy ('jwt': HS256,
 * signature, expiry, issuer, audience), or null for a caller without a valid token. The guard
 * runs only inside resolvers, after the key must already be claimed.
 */
function verifiedUserId(req: Request, res: Response): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      passport.authenticate(
        'jwt',
        { session: false },
        (err: unknown, user: { userId?: unknown } | false) =>
          resolve(!err && user && typeof user.userId === 'string' ? user.userId : null),
      )(req, res, () => resolve(null));
    } catch {
      resolve(null);
    }
  });
}

/** An answer in the shape formatError gives every other error. */
function refusal(code: 'BAD_USER_INPUT' | 'CONFLICT', message: string): GraphQLResponse {
  const extensions: Record<string, unknown> = { code };
  if (code === 'BAD_USER_INPUT') extensions.fields = [{ field: IDEMPOTENCY_HEADER, message }];
  return {
    http: { status: 200, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: {
        data: null,
        errors: [
          {
            message: code === 'BAD_USER_INPUT' ? `${IDEMPOTENCY_HEADER}: ${message}` : message,
            extensions,
          },
        ],
      },
    },
  };
}

/**
 * A mutation sent with an `Idempotency-Key` runs at most once per user and key for a day: the
 * key is claimed in PostgreSQL before the mutation executes, the answer is stored when it is
 * sent, and a repeat gets the stored answer, a CONFLICT while the first still runs, or
 * BAD_USER_INPUT when it is another request. Queries ignore the header, and so do callers
 * without a valid token (login, refreshToken; any other mutation is refused by the guard).
 */
@Plugin()
export class IdempotencyPlugin implements ApolloServerPlugin<Context> {
  constructor(private readonly store: IdempotencyStore) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    const store = this.store;
    let claim: ClaimRef | undefined;
    let roots: string[] = [];
    return {
      async responseForOperation(ctx) {
        if (ctx.operation?.operation !== OperationTypeNode.MUTATION) return null;
        const key = ctx.request.http?.headers.get(IDEMPOTENCY_HEADER.toLowerCase());
        if (key === undefined) return null;
        const problem = keyProblem(key);
        if (problem) return refusal('BAD_USER_INPUT', problem);
        const userId = await verifiedUserId(ctx.contextValue.req, ctx.contextValue.res);
        if (!userId) return null;
        try {
          const outcome = await store.claim(
            userId,
            key,
            fingerprint(ctx.document, ctx.request.operationName, ctx.request.variables),
          );
          switch (outcome.kind) {
            case 'claimed':
              claim = outcome.claim;
              roots = rootFields(ctx.operation, ctx.document);
              return null;
            case 'other-request':
              return refusal(
                'BAD_USER_INPUT',
                'was already used with another document or other variables; send a new key',
              );
            case 'running':
              return refusal(
                'CONFLICT',
                `A request with this ${IDEMPOTENCY_HEADER} is still running; retry later`,
              );
            case 'completed':
              return {
                http: {
                  status: outcome.status,
                  headers: new HeaderMap([[REPLAYED_HEADER, 'true']]),
                },
                body: { kind: 'single', singleResult: outcome.response },
              };
          }
        } catch (error) {
          // A token whose user is gone: the guard answers it as for any other bad token.
          if (pgError(error)?.code === PG.foreignKeyViolation) return null;
          log.error(`could not claim a key: ${(error as Error).message}`, (error as Error).stack);
          return refusal(
            'CONFLICT',
            `The ${IDEMPOTENCY_HEADER} could not be reserved; retry later`,
          );
        }
      },

      async willSendResponse(ctx) {
        if (!claim) return;
        const mine = claim;
        claim = undefined;
        try {
          // graphql 16 answers in one piece; an incremental answer could not be replayed.
          const body = ctx.response.body.kind === 'single' ? ctx.response.body.singleResult : null;
          if (!body || shouldRelease(body, roots)) await store.release(mine);
          else await store.complete(mine, ctx.response.http.status ?? 200, body);
        } catch (error) {
          // The claim stays running: a retry gets CONFLICT until it is stale, then runs again.
          log.error(`could not record a key: ${(error as Error).message}`, (error as Error).stack);
        }
      },
    };
  }
}
