import { ColumnSpec, columnPicker, selectColumns } from './columns';

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
    expect(columnPicker(PERSON, 'p_')({ p_id: '1', p_firstName: 'Ana', id: 'other' })).toEqual({
      id: '1',
      firstName: 'Ana',
    });
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
});
