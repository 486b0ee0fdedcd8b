import { Args, PARAM_ARGS_METADATA } from '@nestjs/graphql';
import { getMetadataStorage } from 'class-validator';

/**
 * The arguments of a field that takes none, for field resolvers written without parameter
 * decorators: `publisher(article: ArticleObject, _args: NoArgs, ctx: RequestContext)`.
 *
 * Field resolvers take graphql-js's own positional arguments (parent, args, context). A method
 * with no `@Parent()`, `@Context()` or `@Args()` is bound by @nestjs/graphql straight into the
 * schema: no pipes, no async wrapper, no promise of its own. With decorators, each occurrence ran
 * Nest's whole resolver pipeline (the global ValidationPipe per parameter, an async wrapper whose
 * promise made every object above it asynchronous): ~75 µs a field on a page of a thousand
 * attributions. Fields with arguments declare them with `@FieldArgs()` (below), never `@Args`.
 * `apps/api/test/field-resolvers.spec.ts` holds every field resolver to this rule.
 */
export type NoArgs = Record<string, never>;

/**
 * The arguments of a field resolver, declared for the schema only: `attributions(claim:
 * ClaimObject, args: AttributionsArgs, ctx: RequestContext)` with `@FieldArgs()` on `args` (an
 * `@ArgsType()` class) puts that class's fields in the schema as `@Args()` would, but leaves no
 * parameter metadata behind, so @nestjs/graphql still binds the method straight into the schema
 * (graphql-js passes the arguments object as it is, already checked against their types).
 *
 * Nest's global ValidationPipe does not run there, so the class may carry no class-validator
 * constraint (refused here, when the class is decorated): a field checks its arguments itself,
 * as `pageSize` and `decodeCursor` do, with a BAD_USER_INPUT error that names the argument.
 */
export function FieldArgs(): ParameterDecorator {
  const declare = Args();
  return (target, key, index) => {
    if (key === undefined) throw new Error('@FieldArgs() belongs on a field resolver parameter');
    const type = (
      Reflect.getMetadata('design:paramtypes', target, key) as (new () => unknown)[] | undefined
    )?.[index];
    if (!type) throw new Error(`@FieldArgs() on ${String(key)}: no type to read the arguments of`);
    const constraints = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    if (constraints.length > 0) {
      throw new Error(
        `${type.name} (the arguments of ${String(key)}) has class-validator constraints, which ` +
          'no pipe runs on a field resolver: check the arguments in the resolver instead',
      );
    }
    const before = Reflect.getMetadata(PARAM_ARGS_METADATA, target.constructor, key) as
      Record<string, unknown> | undefined;
    declare(target, key, index);
    // Args() recorded a parameter for Nest's pipeline as well: take it back out
    if (before) Reflect.defineMetadata(PARAM_ARGS_METADATA, before, target.constructor, key);
    else Reflect.deleteMetadata(PARAM_ARGS_METADATA, target.constructor, key);
  };
}
