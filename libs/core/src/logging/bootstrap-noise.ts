/**
 * The contexts Nest logs its own start-up under, a line per module, route and step ("AppModule
 * dependencies initialized", "Mapped {/graphql, POST} route", "Nest application successfully
 * started"): useful when debugging the wiring, noise on every start otherwise.
 */
const BOOTSTRAP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

/** Whether an info line logged under `context` is Nest's start-up noise (to be logged at debug). */
export function isBootstrapNoise(context: unknown): boolean {
  return typeof context === 'string' && BOOTSTRAP_CONTEXTS.has(context);
}
