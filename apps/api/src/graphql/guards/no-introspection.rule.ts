import { GraphQLError, ValidationRule } from 'graphql';

/**
 * Refuses `__schema` and `__type` (`__typename` stays allowed), as Apollo's own rule does, on
 * every transport: with GRAPHQL_INTROSPECTION off, neither HTTP nor graphql-ws hands out the schema.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    context.reportError(
      new GraphQLError(
        'GraphQL introspection is not allowed on this server (GRAPHQL_INTROSPECTION is off); the schema is published as schema.gql.',
        { nodes: [node], extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' } },
      ),
    );
  },
});
