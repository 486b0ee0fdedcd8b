import { ColumnOf, ColumnSpec, columnList, columnPicker, selectColumns } from './columns';

/** A model as Prisma generates one from schema.prisma. */
interface PersonModel {
  id: string;
  firstName: string;
  bornAt: Date | null;
}
type Person = Pick<PersonModel, 'id' | 'firstName'>;
const PERSON: ColumnSpec<PersonModel, Person> = [
  ['id', 'id'],
  ['first_name', 'firstName'],
];

describe('column specs', () => {
  it('selects prefixed columns and maps them back', () => {
    expect(selectColumns(PERSON, 'p', 'p_')).toBe(
      'p."id" AS "p_id", p."first_name" AS "p_firstName"',
    );
    expect(columnPicker(PERSON, 'p_')({ p_id: '1', p_firstName: 'Ana', id: 'other' })).toEqual({
      id: '1',
      firstName: 'Ana',
    });
  });

  it('lists columns, naming only those whose key differs', () => {
    expect(columnList(PERSON, 'p')).toBe('p.id, p.first_name AS "firstName"');
    expect(columnList(PERSON)).toBe('id, first_name AS "firstName"');
  });

  it('reads every row with a picker built once', () => {
    const pick = columnPicker(PERSON, 'p_');
    expect(pick({ p_id: '1', p_firstName: 'Ana', id: 'other' })).toEqual({
      id: '1',
      firstName: 'Ana',
    });
    expect(pick({ p_id: '2', p_firstName: null })).toEqual({ id: '2', firstName: null });
    expect(columnPicker(PERSON)({ id: '3', firstName: 'Bo' })).toEqual({
      id: '3',
      firstName: 'Bo',
    });
  });

  // The cases below are checked by tsc (`npx tsc -p tsconfig.json --noEmit` fails on an
  // `@ts-expect-error` that has no error under it); at run time they only build arrays.
  it('rejects, at compile time, a column or a type that is not the model’s', () => {
    const column: ColumnOf<'bornAt'> = 'born_at';
    const wrongColumn: ColumnSpec<PersonModel> = [
      ['id', 'id'],
      // @ts-expect-error the column of firstName is first_name
      ['firstname', 'firstName'],
    ];
    const unknownKey: ColumnSpec<PersonModel> = [
      // @ts-expect-error the model has no field nickName
      ['nick_name', 'nickName'],
    ];
    interface WrongType {
      id: string;
      bornAt: string | null;
    }
    const wrongType: ColumnSpec<PersonModel, WrongType> = [
      ['id', 'id'],
      // @ts-expect-error bornAt is a Date | null in the model, not a string
      ['born_at', 'bornAt'],
    ];
    expect([column, wrongColumn, unknownKey, wrongType].map((spec) => spec.length)).toEqual([
      7, 2, 1, 2,
    ]);
  });
});
