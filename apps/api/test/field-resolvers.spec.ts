import 'reflect-metadata';
import { ModulesContainer } from '@nestjs/core';
import {
  PARAM_ARGS_METADATA,
  RESOLVER_PROPERTY_METADATA,
} from '@nestjs/graphql/dist/graphql.constants';
import { GqlParamtype } from '@nestjs/graphql/dist/enums/gql-paramtype.enum';
import { createSchemaApp } from '../src/schema/print-schema';

/**
 * Every field resolver that takes no arguments is written without parameter decorators
 * (`(parent, _args: NoArgs, ctx)`), so @nestjs/graphql binds it straight into the schema instead of
 * running Nest's resolver pipeline per occurrence (libs/core/src/graphql/field-resolver.ts).
 */
describe('field resolvers', () => {
  it('take the direct path unless they declare arguments', async () => {
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
            const types = Object.keys(params).map((key) => Number(key.split(':')[0]));
            if (types.length > 0 && !types.includes(GqlParamtype.ARGS)) decorated.push(label);
          }
        }
      }
    } finally {
      await app.close();
    }
    expect(checked).toEqual(expect.arrayContaining(['ArticleFieldsResolver.publisher']));
    expect(checked.length).toBeGreaterThan(20);
    expect(decorated).toEqual([]);
  }, 30_000);
});
