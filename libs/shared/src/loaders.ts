import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, made on first use and dropped with the request, so batching
 * never mixes callers and nothing is cached across requests. Names follow
 * `<children>By<Parent>Id`.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** The request's loaders, in a resolver. */
export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestLoaders => {
    const ctx = GqlExecutionContext.create(context).getContext<{ loaders?: RequestLoaders }>();
    ctx.loaders ??= new RequestLoaders();
    return ctx.loaders;
  },
);
