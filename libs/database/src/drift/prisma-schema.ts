/**
 * A small, strict reader of schema.prisma: enough of the Prisma Schema Language for what this
 * project's schema uses, and an error naming the line for anything else. The drift check relies
 * on it, so it must never skip an attribute it does not understand: an ignored `@unique` would
 * hide exactly the drift the check exists to find.
 */

export class PrismaSchemaError extends Error {
  constructor(line: number, message: string) {
    super(`schema.prisma line ${line}: ${message}`);
    this.name = 'PrismaSchemaError';
  }
}

export interface PrismaSchema {
  enums: PrismaEnum[];
  models: PrismaModel[];
}

export interface PrismaEnum {
  name: string;
  /** the PostgreSQL type name (`@@map`, else the enum's name) */
  dbName: string;
  values: { name: string; dbName: string }[];
  documentation?: string;
}

export interface PrismaModel {
  name: string;
  /** the table name (`@@map`, else the model's name) */
  dbName: string;
  fields: PrismaField[];
  /** `@@id`, or null (then a field may carry `@id`) */
  compoundId: PrismaIndex | null;
  /** `@@index` and `@@unique`, in schema order */
  indexes: PrismaIndex[];
  documentation?: string;
  line: number;
}

export interface PrismaField {
  name: string;
  /** `String`, `Int`, an enum's or a model's name */
  type: string;
  optional: boolean;
  list: boolean;
  /** the column name (`@map`, else the field's name) */
  columnName: string;
  /** `@id`, with its `map:` constraint name when given */
  id: { map?: string } | null;
  /** `@unique`, with its `map:` index name when given */
  unique: { map?: string } | null;
  default: Expression | null;
  /** `@db.X(args)` */
  nativeType: { name: string; args: (string | number)[] } | null;
  relation: PrismaRelation | null;
  documentation?: string;
  line: number;
}

export type PrismaReferentialAction =
  'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface PrismaRelation {
  name?: string;
  /** the Prisma field names of this model that hold the key (only on the owning side) */
  fields?: string[];
  references?: string[];
  onDelete?: PrismaReferentialAction;
  onUpdate?: PrismaReferentialAction;
  map?: string;
}

export type IndexMethod = 'BTree' | 'Hash' | 'Gist' | 'Gin' | 'SpGist' | 'Brin';

export interface PrismaIndex {
  kind: 'id' | 'unique' | 'index';
  /** Prisma field names with their sort order */
  fields: { name: string; sort: 'Asc' | 'Desc' }[];
  map?: string;
  type?: IndexMethod;
  line: number;
}

/** An attribute argument's value, as written. */
export type Expression =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'identifier'; name: string }
  | { kind: 'call'; name: string; args: Argument[] }
  | { kind: 'array'; items: Expression[] };

export interface Argument {
  name?: string;
  value: Expression;
}

interface Attribute {
  name: string;
  args: Argument[];
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { type: 'identifier'; value: string; line: number }
  | { type: 'string'; value: string; line: number }
  | { type: 'number'; value: number; line: number }
  | { type: 'punct'; value: string; line: number }
  | { type: 'doc'; value: string; line: number }
  | { type: 'newline'; line: number }
  | { type: 'end'; line: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      tokens.push({ type: 'newline', line });
      line += 1;
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
      if (text.startsWith('///', i)) {
        tokens.push({ type: 'doc', value: text.slice(i + 3, end).trim(), line });
      }
      i = end;
    } else if (c === '"') {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j += 1) {
        if (text[j] === '\n') throw new PrismaSchemaError(line, 'unterminated string');
        if (text[j] === '\\') {
          j += 1;
          const escaped = text[j];
          value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
        } else {
          value += text[j];
        }
      }
      if (j >= text.length) throw new PrismaSchemaError(line, 'unterminated string');
      tokens.push({ type: 'string', value, line });
      i = j + 1;
    } else if (/[0-9-]/.test(c)) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!match) throw new PrismaSchemaError(line, `unexpected character "${c}"`);
      tokens.push({ type: 'number', value: Number(match[0]), line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
      tokens.push({ type: 'identifier', value: match![0], line });
      i += match![0].length;
    } else if (text.startsWith('@@', i)) {
      tokens.push({ type: 'punct', value: '@@', line });
      i += 2;
    } else if ('{}()[],:=?@'.includes(c)) {
      tokens.push({ type: 'punct', value: c, line });
      i += 1;
    } else {
      throw new PrismaSchemaError(line, `unexpected character "${c}"`);
    }
  }
  tokens.push({ type: 'end', line });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Syntax

const SCALARS = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
]);

export function isScalarType(type: string): boolean {
  return SCALARS.has(type);
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    this.pos += 1;
    return token;
  }

  isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'punct' && token.value === value;
  }

  expectPunct(value: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.value !== value) {
      throw new PrismaSchemaError(token.line, `expected "${value}" but found ${describe(token)}`);
    }
  }

  expectIdentifier(what: string): string {
    const token = this.next();
    if (token.type !== 'identifier') {
      throw new PrismaSchemaError(token.line, `expected ${what} but found ${describe(token)}`);
    }
    return token.value;
  }

  skipNewlines(): void {
    while (this.peek().type === 'newline') this.pos += 1;
  }

  /** The end of a line inside a block: a newline, or the block's closing brace. */
  expectEndOfLine(): void {
    const token = this.peek();
    if (token.type === 'newline') this.pos += 1;
    else if (!this.isPunct('}')) {
      throw new PrismaSchemaError(token.line, `did not expect ${describe(token)}`);
    }
  }

  /** `@name`, `@@name` or `@db.Name`, with its arguments in parentheses. */
  attribute(): Attribute {
    const line = this.next().line; // @ or @@
    const name = this.expectIdentifier('an attribute name');
    const args = this.isPunct('(') ? this.argumentList('(', ')') : [];
    return { name, args, line };
  }

  argumentList(open: string, close: string): Argument[] {
    this.expectPunct(open);
    const args: Argument[] = [];
    this.skipNewlines();
    while (!this.isPunct(close)) {
      if (this.peek().type === 'identifier' && this.isPunct(':', 1)) {
        const name = this.expectIdentifier('an argument name');
        this.expectPunct(':');
        args.push({ name, value: this.expression() });
      } else {
        args.push({ value: this.expression() });
      }
      this.skipNewlines();
      if (!this.isPunct(close)) this.expectPunct(',');
      this.skipNewlines();
    }
    this.expectPunct(close);
    return args;
  }

  expression(): Expression {
    const token = this.peek();
    if (token.type === 'string') {
      this.pos += 1;
      return { kind: 'string', value: token.value };
    }
    if (token.type === 'number') {
      this.pos += 1;
      return { kind: 'number', value: token.value };
    }
    if (token.type === 'identifier') {
      this.pos += 1;
      if (this.isPunct('(')) {
        return { kind: 'call', name: token.value, args: this.argumentList('(', ')') };
      }
      return { kind: 'identifier', name: token.value };
    }
    if (this.isPunct('[')) {
      return { kind: 'array', items: this.argumentList('[', ']').map((arg) => arg.value) };
    }
    throw new PrismaSchemaError(token.line, `expected a value but found ${describe(token)}`);
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'newline':
      return 'the end of the line';
    case 'end':
      return 'the end of the file';
    case 'doc':
      return 'a doc comment';
    case 'string':
      return `"${token.value}"`;
    default:
      return `"${token.value}"`;
  }
}

interface RawField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
  documentation?: string;
  line: number;
}

interface RawBlock {
  keyword: 'enum' | 'model';
  name: string;
  fields: RawField[];
  blockAttributes: Attribute[];
  documentation?: string;
  line: number;
}

function parseBlocks(text: string): RawBlock[] {
  const parser = new Parser(tokenize(text));
  const blocks: RawBlock[] = [];
  let docs: string[] = [];
  for (;;) {
    const token = parser.next();
    if (token.type === 'end') return blocks;
    if (token.type === 'newline') continue;
    if (token.type === 'doc') {
      docs.push(token.value);
      continue;
    }
    if (token.type !== 'identifier') {
      throw new PrismaSchemaError(token.line, `expected a block but found ${describe(token)}`);
    }
    const documentation = docs.length ? docs.join('\n') : undefined;
    docs = [];
    const name = parser.expectIdentifier(`the name of the ${token.value}`);
    parser.expectPunct('{');
    if (token.value === 'generator' || token.value === 'datasource') {
      // key = value lines; nothing in them concerns the database's structure
      for (;;) {
        parser.skipNewlines();
        if (parser.isPunct('}')) break;
        parser.expectIdentifier('a setting name');
        parser.expectPunct('=');
        parser.expression();
        parser.expectEndOfLine();
      }
      parser.expectPunct('}');
      continue;
    }
    if (token.value !== 'enum' && token.value !== 'model') {
      throw new PrismaSchemaError(
        token.line,
        `the drift check does not understand "${token.value}" blocks (only generator, datasource, enum and model)`,
      );
    }
    const block: RawBlock = {
      keyword: token.value,
      name,
      fields: [],
      blockAttributes: [],
      documentation,
      line: token.line,
    };
    let fieldDocs: string[] = [];
    for (;;) {
      const head = parser.peek();
      if (head.type === 'newline') {
        parser.next();
        continue;
      }
      if (head.type === 'doc') {
        parser.next();
        fieldDocs.push(head.value);
        continue;
      }
      if (parser.isPunct('}')) {
        parser.next();
        break;
      }
      if (parser.isPunct('@@')) {
        block.blockAttributes.push(parser.attribute());
        parser.expectEndOfLine();
        continue;
      }
      if (head.type === 'end') {
        throw new PrismaSchemaError(
          head.line,
          `${token.value} ${name} is not closed (expected "}")`,
        );
      }
      if (head.type !== 'identifier') {
        throw new PrismaSchemaError(head.line, `did not expect ${describe(head)} in ${name}`);
      }
      parser.next();
      const field: RawField = {
        name: head.value,
        type: '',
        optional: false,
        list: false,
        attributes: [],
        documentation: fieldDocs.length ? fieldDocs.join('\n') : undefined,
        line: head.line,
      };
      fieldDocs = [];
      if (block.keyword === 'model') {
        field.type = parser.expectIdentifier(`the type of ${name}.${field.name}`);
        if (parser.isPunct('(')) {
          throw new PrismaSchemaError(
            head.line,
            `${name}.${field.name}: the drift check does not understand the type ${field.type}(...)`,
          );
        }
        if (parser.isPunct('[')) {
          parser.next();
          parser.expectPunct(']');
          field.list = true;
        }
        if (parser.isPunct('?')) {
          parser.next();
          field.optional = true;
        }
      }
      while (parser.isPunct('@')) field.attributes.push(parser.attribute());
      parser.expectEndOfLine();
      block.fields.push(field);
    }
    blocks.push(block);
  }
}

// ---------------------------------------------------------------------------------------------
// Meaning

/** Reads schema.prisma's text; throws PrismaSchemaError on anything it does not understand. */
export function parsePrismaSchema(text: string): PrismaSchema {
  const blocks = parseBlocks(text);
  const names = new Set<string>();
  for (const block of blocks) {
    if (names.has(block.name)) {
      throw new PrismaSchemaError(block.line, `${block.name} is defined twice`);
    }
    names.add(block.name);
  }
  const enums = blocks.filter((b) => b.keyword === 'enum').map(toEnum);
  const enumNames = new Set(enums.map((e) => e.name));
  const modelNames = new Set(blocks.filter((b) => b.keyword === 'model').map((b) => b.name));
  const models = blocks
    .filter((b) => b.keyword === 'model')
    .map((block) => toModel(block, enumNames, modelNames));
  return { enums, models };
}

function toEnum(block: RawBlock): PrismaEnum {
  let dbName = block.name;
  for (const attribute of block.blockAttributes) {
    if (attribute.name === 'map') dbName = stringArgument(attribute, block.name);
    else throw unknownAttribute(attribute, `@@${attribute.name}`, `enum ${block.name}`);
  }
  const values = block.fields.map((field) => {
    let valueDbName = field.name;
    for (const attribute of field.attributes) {
      if (attribute.name === 'map') valueDbName = stringArgument(attribute, field.name);
      else throw unknownAttribute(attribute, `@${attribute.name}`, `${block.name}.${field.name}`);
    }
    return { name: field.name, dbName: valueDbName };
  });
  return { name: block.name, dbName, values, documentation: block.documentation };
}

function toModel(block: RawBlock, enumNames: Set<string>, modelNames: Set<string>): PrismaModel {
  const model: PrismaModel = {
    name: block.name,
    dbName: block.name,
    fields: block.fields.map((raw) => toField(block.name, raw, enumNames, modelNames)),
    compoundId: null,
    indexes: [],
    documentation: block.documentation,
    line: block.line,
  };
  const fieldNames = new Set(model.fields.map((f) => f.name));
  for (const attribute of block.blockAttributes) {
    const where = `model ${block.name}`;
    switch (attribute.name) {
      case 'map':
        model.dbName = stringArgument(attribute, where);
        break;
      case 'id':
        if (model.compoundId) throw new PrismaSchemaError(attribute.line, `${where} has two @@id`);
        model.compoundId = toIndex('id', attribute, where, fieldNames);
        break;
      case 'unique':
        model.indexes.push(toIndex('unique', attribute, where, fieldNames));
        break;
      case 'index':
        model.indexes.push(toIndex('index', attribute, where, fieldNames));
        break;
      default:
        throw unknownAttribute(attribute, `@@${attribute.name}`, where);
    }
  }
  const fieldIds = model.fields.filter((f) => f.id);
  if (fieldIds.length > 1 || (fieldIds.length && model.compoundId)) {
    throw new PrismaSchemaError(block.line, `model ${block.name} has more than one primary key`);
  }
  for (const field of model.fields) {
    for (const key of field.relation?.fields ?? []) {
      if (!fieldNames.has(key)) {
        throw new PrismaSchemaError(
          field.line,
          `${block.name}.${field.name}: @relation names the unknown field ${key}`,
        );
      }
    }
  }
  return model;
}

const NAMED_ARGS: Record<'id' | 'unique' | 'index', string[]> = {
  id: ['fields', 'map', 'name'],
  unique: ['fields', 'map', 'name'],
  index: ['fields', 'map', 'type', 'name'],
};

const INDEX_TYPES: IndexMethod[] = ['BTree', 'Hash', 'Gist', 'Gin', 'SpGist', 'Brin'];

function toIndex(
  kind: 'id' | 'unique' | 'index',
  attribute: Attribute,
  where: string,
  fieldNames: Set<string>,
): PrismaIndex {
  const index: PrismaIndex = { kind, fields: [], line: attribute.line };
  let fieldList: Expression | null = null;
  attribute.args.forEach((arg, position) => {
    const name = arg.name ?? (position === 0 ? 'fields' : undefined);
    if (!name || !NAMED_ARGS[kind].includes(name)) {
      throw new PrismaSchemaError(
        attribute.line,
        `${where}: the drift check does not understand the argument ${arg.name ?? `#${position + 1}`} of @@${kind}`,
      );
    }
    if (name === 'fields') fieldList = arg.value;
    else if (name === 'map')
      index.map = asString(arg.value, attribute.line, `${where} @@${kind} map`);
    else if (name === 'type') {
      const type = arg.value.kind === 'identifier' ? arg.value.name : '';
      if (!INDEX_TYPES.includes(type as IndexMethod)) {
        throw new PrismaSchemaError(attribute.line, `${where}: unknown index type ${type}`);
      }
      index.type = type as IndexMethod;
    }
    // `name` only names the compound key in Prisma Client; it has no database meaning.
  });
  const list = fieldList as Expression | null;
  if (!list || list.kind !== 'array' || list.items.length === 0) {
    throw new PrismaSchemaError(attribute.line, `${where}: @@${kind} needs a list of fields`);
  }
  for (const item of list.items) {
    index.fields.push(indexField(item, attribute.line, where, fieldNames));
  }
  return index;
}

function indexField(
  item: Expression,
  line: number,
  where: string,
  fieldNames: Set<string>,
): { name: string; sort: 'Asc' | 'Desc' } {
  let name: string;
  let sort: 'Asc' | 'Desc' = 'Asc';
  if (item.kind === 'identifier') {
    name = item.name;
  } else if (item.kind === 'call') {
    name = item.name;
    for (const arg of item.args) {
      const value = arg.value.kind === 'identifier' ? arg.value.name : '';
      if (arg.name !== 'sort' || (value !== 'Asc' && value !== 'Desc')) {
        throw new PrismaSchemaError(
          line,
          `${where}: the drift check does not understand ${item.name}(${arg.name ?? ''}: ...) in an index (only sort: Asc|Desc)`,
        );
      }
      sort = value;
    }
  } else {
    throw new PrismaSchemaError(line, `${where}: expected a field name in an index`);
  }
  if (!fieldNames.has(name)) {
    throw new PrismaSchemaError(line, `${where}: an index names the unknown field ${name}`);
  }
  return { name, sort };
}

function toField(
  model: string,
  raw: RawField,
  enumNames: Set<string>,
  modelNames: Set<string>,
): PrismaField {
  const where = `${model}.${raw.name}`;
  if (!isScalarType(raw.type) && !enumNames.has(raw.type) && !modelNames.has(raw.type)) {
    throw new PrismaSchemaError(raw.line, `${where} has the unknown type ${raw.type}`);
  }
  const field: PrismaField = {
    name: raw.name,
    type: raw.type,
    optional: raw.optional,
    list: raw.list,
    columnName: raw.name,
    id: null,
    unique: null,
    default: null,
    nativeType: null,
    relation: null,
    documentation: raw.documentation,
    line: raw.line,
  };
  const seen = new Set<string>();
  for (const attribute of raw.attributes) {
    const key = attribute.name.startsWith('db.') ? 'db.' : attribute.name;
    if (seen.has(key)) {
      throw new PrismaSchemaError(attribute.line, `${where} has @${attribute.name} twice`);
    }
    seen.add(key);
    if (attribute.name.startsWith('db.')) {
      field.nativeType = {
        name: attribute.name.slice(3),
        args: attribute.args.map((arg) => {
          if (arg.name || (arg.value.kind !== 'number' && arg.value.kind !== 'string')) {
            throw new PrismaSchemaError(
              attribute.line,
              `${where}: unexpected @${attribute.name} argument`,
            );
          }
          return arg.value.value;
        }),
      };
      continue;
    }
    switch (attribute.name) {
      case 'map':
        field.columnName = stringArgument(attribute, where);
        break;
      case 'id':
      case 'unique':
        field[attribute.name] = mapOnly(attribute, where);
        break;
      case 'default':
        field.default = defaultArgument(attribute, where);
        break;
      case 'relation':
        if (!modelNames.has(raw.type)) {
          throw new PrismaSchemaError(
            attribute.line,
            `${where}: @relation on a field that is not a model`,
          );
        }
        field.relation = relationArguments(attribute, where);
        break;
      default:
        throw unknownAttribute(attribute, `@${attribute.name}`, where);
    }
  }
  if (modelNames.has(raw.type) && (field.id || field.unique || field.default || field.nativeType)) {
    throw new PrismaSchemaError(
      raw.line,
      `${where}: a relation field cannot carry column attributes`,
    );
  }
  return field;
}

function mapOnly(attribute: Attribute, where: string): { map?: string } {
  const result: { map?: string } = {};
  for (const arg of attribute.args) {
    if (arg.name !== 'map') {
      throw new PrismaSchemaError(
        attribute.line,
        `${where}: the drift check does not understand the argument ${arg.name ?? '(positional)'} of @${attribute.name}`,
      );
    }
    result.map = asString(arg.value, attribute.line, `${where} @${attribute.name} map`);
  }
  return result;
}

function defaultArgument(attribute: Attribute, where: string): Expression {
  const [value, ...rest] = attribute.args;
  if (!value || value.name || rest.some((arg) => arg.name !== 'map')) {
    throw new PrismaSchemaError(attribute.line, `${where}: @default takes one value`);
  }
  return value.value;
}

const ACTIONS: PrismaReferentialAction[] = [
  'Cascade',
  'Restrict',
  'NoAction',
  'SetNull',
  'SetDefault',
];

function relationArguments(attribute: Attribute, where: string): PrismaRelation {
  const relation: PrismaRelation = {};
  attribute.args.forEach((arg, position) => {
    const name = arg.name ?? (position === 0 ? 'name' : undefined);
    switch (name) {
      case 'name':
      case 'map':
        relation[name] = asString(arg.value, attribute.line, `${where} @relation ${name}`);
        break;
      case 'fields':
      case 'references':
        relation[name] = identifierList(arg.value, attribute.line, `${where} @relation ${name}`);
        break;
      case 'onDelete':
      case 'onUpdate': {
        const action = arg.value.kind === 'identifier' ? arg.value.name : '';
        if (!ACTIONS.includes(action as PrismaReferentialAction)) {
          throw new PrismaSchemaError(attribute.line, `${where}: unknown ${name} action ${action}`);
        }
        relation[name] = action as PrismaReferentialAction;
        break;
      }
      default:
        throw new PrismaSchemaError(
          attribute.line,
          `${where}: the drift check does not understand the argument ${arg.name ?? `#${position + 1}`} of @relation`,
        );
    }
  });
  if (!relation.fields !== !relation.references) {
    throw new PrismaSchemaError(
      attribute.line,
      `${where}: @relation needs both fields and references`,
    );
  }
  return relation;
}

function stringArgument(attribute: Attribute, where: string): string {
  const [arg, ...rest] = attribute.args;
  if (!arg || rest.length || (arg.name && arg.name !== 'name')) {
    throw new PrismaSchemaError(attribute.line, `${where}: @${attribute.name} takes one string`);
  }
  return asString(arg.value, attribute.line, `${where} @${attribute.name}`);
}

function asString(value: Expression, line: number, what: string): string {
  if (value.kind !== 'string') throw new PrismaSchemaError(line, `${what} must be a string`);
  return value.value;
}

function identifierList(value: Expression, line: number, what: string): string[] {
  if (value.kind !== 'array' || value.items.some((item) => item.kind !== 'identifier')) {
    throw new PrismaSchemaError(line, `${what} must be a list of field names`);
  }
  return value.items.map((item) => (item as { name: string }).name);
}

function unknownAttribute(attribute: Attribute, written: string, where: string): PrismaSchemaError {
  return new PrismaSchemaError(
    attribute.line,
    `the drift check does not understand ${written} (on ${where}); teach libs/database/src/drift/prisma-schema.ts what it means for the database before using it`,
  );
}
