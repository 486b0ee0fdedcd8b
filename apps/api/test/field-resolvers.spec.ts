import 'reflect-metadata';
import { ModulesContainer } from '@nestjs/core';
import {
  PARAM_ARGS_METADATA,
  RESOLVER_PROPERTY_METADATA,
} from '@nestjs/graphql/dist/graphql.constants';
import { createSchemaApp } from '../src/schema/print-schema';

/**
 * Every field resolver is written without Nest's parameter decorators (`(parent, _args: NoArgs,
 * ctx)`, or `@FieldArgs() args: SomeArgs` for a field with arguments), so @nestjs/graphql binds it
 * straight into the schema instead of running Nest's resolver pipeline per occurrence
 * (libs/core/src/graphql/field-resolver.ts).
 */
describe('field resolvers', () => {
  it('all take the direct path, with or without arguments', async () => {
    const app = await createSchemaApp();
    const checked: string[] = [];
    const decorated: string[] = [];
    try {
      for (const module of app.get(ModulesContainer).values()) {
        for (const wrapper of module.providers.values()) {
          const instance = wrapper.instance as object | undefined;
          if (!instance || typeof instance !== 'object') continue;
          const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
          for (const name of Object.getOwnPropertyNames(prototype)) {
            const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
            const method: unknown = descriptor?.value; // never a getter's value
            if (typeof method !== 'function' || name === 'constructor') continue;
            if (!Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method)) continue;
            const label = `${instance.constructor.name}.${name}`;
            checked.push(label);
            const params = (Reflect.getMetadata(PARAM_ARGS_METADATA, instance.constructor, name) ??
              {}) as Record<string, unknown>;
            if (Object.keys(params).length > 0) decorated.push(label);
          }
        }
      }
    } finally {
      await app.close();
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'ArticleFieldsResolver.publisher',
        'ClaimAttributionsResolver.attributions',
        'ActorAttributionsResolver.attributions',
      ]),
    );
    expect(checked.length).toBeGreaterThan(20);
    expect(decorated).toEqual([]);
  }, 30_000);
});
