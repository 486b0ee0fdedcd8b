import { ColumnSpec, pickColumns, selectColumns } from './columns';

interface Person {
  id: string;
  firstName: string;
}
const PERSON: ColumnSpec<Person> = [
  ['id', 'id'],
  ['first_name', 'firstName'],
];

describe('column specs', () => {
  it('selects prefixed columns and maps them back', () => {
    expect(selectColumns(PERSON, 'p', 'p_')).toBe(
      'p."id" AS "p_id", p."first_name" AS "p_firstName"',
    );
    expect(pickColumns(PERSON, { p_id: '1', p_firstName: 'Ana', id: 'other' }, 'p_')).toEqual({
      id: '1',
      firstName: 'Ana',
    });
  });
});
