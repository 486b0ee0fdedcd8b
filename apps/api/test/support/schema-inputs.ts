import {
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * A value of `type` that passes GraphQL's own coercion (required fields filled, enums valid), so a
 * request reaches the resolver's guard; whether the service would accept it does not matter.
 */
export function placeholderValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholderValue(type.ofType);
  if (isListType(type)) return [placeholderValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = placeholderValue(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2026-01-01T00:00:00Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

export interface MutationCall {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One call per Mutation field of the schema, with placeholder arguments and `__typename` asked. */
export function everyMutation(schema: GraphQLSchema): MutationCall[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const params = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const variables = Object.fromEntries(
      field.args.map((arg) => [arg.name, placeholderValue(arg.type)]),
    );
    return {
      name: field.name,
      query: `mutation${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`,
      variables,
    };
  });
}
