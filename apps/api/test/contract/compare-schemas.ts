import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * Compares a public contract with our schema: every type, field, argument, input field, enum value,
 * interface implementation and scalar of the contract must be in ours with a compatible type.
 * Outputs may be stricter (non-null where the contract allows null), inputs may be looser (optional
 * where the contract requires); a new required argument or input field would break clients.
 * `customScalars` names where ours may type a contract `String` or `ID` more precisely
 * (path → our scalar).
 */
export interface Problem {
  path: string;
  message: string;
}

export function compareSchemas(
  contract: GraphQLSchema,
  ours: GraphQLSchema,
  customScalars: Record<string, string> = {},
): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const mine = ours.getType(type.name);
    if (!mine) {
      report(type.name, `${kindOf(type)} ${type.name} is missing`);
      continue;
    }
    if (kindOf(mine) !== kindOf(type)) {
      report(
        type.name,
        `${type.name} is ${kindOf(mine)} in schema.gql, ${kindOf(type)} in the contract`,
      );
      continue;
    }
    if (isEnumType(type) && isEnumType(mine)) {
      const values = new Set(mine.getValues().map((v) => v.name));
      for (const value of type.getValues()) {
        if (!values.has(value.name)) {
          report(`${type.name}.${value.name}`, `enum value ${type.name}.${value.name} is missing`);
        }
      }
    }
    if (
      (isObjectType(type) || isInterfaceType(type)) &&
      (isObjectType(mine) || isInterfaceType(mine))
    ) {
      const implemented = new Set(mine.getInterfaces().map((i) => i.name));
      for (const face of type.getInterfaces()) {
        if (!implemented.has(face.name)) {
          report(
            `${type.name} implements ${face.name}`,
            `${type.name} does not implement ${face.name}`,
          );
        }
      }
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        const path = `${type.name}.${field.name}`;
        const own = fields[field.name];
        if (!own) report(path, `field ${path} is missing`);
        else compareField(path, field, own, report, customScalars);
      }
    }
    if (isInputObjectType(type) && isInputObjectType(mine)) {
      const fields = mine.getFields();
      for (const field of Object.values(type.getFields())) {
        const path = `${type.name}.${field.name}`;
        const own = fields[field.name];
        if (!own) report(path, `input field ${path} is missing`);
        else compareInput(path, 'input field', field, own, report, customScalars);
      }
      for (const own of Object.values(fields)) {
        if (!type.getFields()[own.name] && isRequired(own)) {
          report(
            `${type.name}.${own.name}`,
            `input field ${type.name}.${own.name} is required but not in the contract`,
          );
        }
      }
    }
    if (isUnionType(type) && isUnionType(mine)) {
      const members = new Set(mine.getTypes().map((t) => t.name));
      for (const member of type.getTypes()) {
        if (!members.has(member.name))
          report(`${type.name}`, `${type.name} lacks the member ${member.name}`);
      }
    }
  }
  return problems;
}

function compareField(
  path: string,
  field: GraphQLField<unknown, unknown>,
  own: GraphQLField<unknown, unknown>,
  report: (path: string, message: string) => void,
  customScalars: Record<string, string>,
): void {
  if (!outputCompatible(field.type, own.type, path, customScalars)) {
    report(
      path,
      `field ${path} is ${String(own.type)} in schema.gql, ${String(field.type)} in the contract`,
    );
  }
  const args = new Map(own.args.map((a) => [a.name, a]));
  for (const arg of field.args) {
    const argPath = `${path}(${arg.name})`;
    const mine = args.get(arg.name);
    if (!mine) report(argPath, `argument ${argPath} is missing`);
    else compareInput(argPath, 'argument', arg, mine, report, customScalars);
  }
  for (const mine of own.args) {
    if (!field.args.some((a) => a.name === mine.name) && isRequired(mine)) {
      report(
        `${path}(${mine.name})`,
        `argument ${path}(${mine.name}) is required but not in the contract`,
      );
    }
  }
}

function compareInput(
  path: string,
  what: string,
  contract: GraphQLArgument | GraphQLInputField,
  own: GraphQLArgument | GraphQLInputField,
  report: (path: string, message: string) => void,
  customScalars: Record<string, string>,
): void {
  if (!inputCompatible(contract.type, own.type, path, customScalars)) {
    report(
      path,
      `${what} ${path} is ${String(own.type)} in schema.gql, ${String(contract.type)} in the contract`,
    );
  }
}

function isRequired(input: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(input.type) && input.defaultValue === undefined;
}

/** An output may promise more than the contract (non-null for nullable), never less. */
function outputCompatible(
  contract: GraphQLType,
  own: GraphQLType,
  path: string,
  scalars: Record<string, string>,
): boolean {
  return narrows(contract, own, (c, o) => sameNamedType(c, o, path, scalars));
}

/** An input may accept more than the contract (optional for required), never less. */
function inputCompatible(
  contract: GraphQLType,
  own: GraphQLType,
  path: string,
  scalars: Record<string, string>,
): boolean {
  return narrows(own, contract, (o, c) => sameNamedType(c, o, path, scalars));
}

/** Whether `narrow` is `wide` with at most some nullable levels made non-null. */
function narrows(
  wide: GraphQLType,
  narrow: GraphQLType,
  sameNamed: (wide: GraphQLNamedType, narrow: GraphQLNamedType) => boolean,
): boolean {
  if (isNonNullType(narrow)) {
    return narrows(isNonNullType(wide) ? wide.ofType : wide, narrow.ofType, sameNamed);
  }
  if (isNonNullType(wide)) return false;
  if (isListType(wide)) return isListType(narrow) && narrows(wide.ofType, narrow.ofType, sameNamed);
  if (isListType(narrow)) return false;
  return sameNamed(wide as GraphQLNamedType, narrow as GraphQLNamedType);
}

function sameNamedType(
  contract: GraphQLNamedType,
  own: GraphQLNamedType,
  path: string,
  scalars: Record<string, string>,
): boolean {
  if (contract.name === own.name) return true;
  return (
    (contract.name === 'String' || contract.name === 'ID') &&
    isScalarType(own) &&
    scalars[path] === own.name
  );
}

function kindOf(type: GraphQLNamedType): string {
  if (isScalarType(type)) return 'scalar';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  return 'type';
}

/** Whether a pending entry covers a problem: the same element, or one inside it. */
export function covers(entry: string, path: string): boolean {
  return (
    path === entry ||
    path.startsWith(`${entry}.`) ||
    path.startsWith(`${entry}(`) ||
    path.startsWith(`${entry} `)
  );
}
