/**
 * The arguments of a field that takes none, for field resolvers written without parameter
 * decorators: `publisher(article: ArticleObject, _args: NoArgs, ctx: RequestContext)`.
 *
 * Field resolvers take graphql-js's own positional arguments (parent, args, context). A method
 * with no `@Parent()`, `@Context()` or `@Args()` is bound by @nestjs/graphql straight into the
 * schema: no pipes, no async wrapper, no promise of its own. With decorators, each occurrence ran
 * Nest's whole resolver pipeline (the global ValidationPipe per parameter, an async wrapper whose
 * promise made every object above it asynchronous): ~75 µs a field on a page of a thousand
 * attributions. Only fields with arguments declare them with `@Args` (once per claim, not per
 * attribution). `apps/api/test/field-resolvers.spec.ts` holds every field resolver to this rule.
 */
export type NoArgs = Record<string, never>;
