import { Command } from 'commander';
import { PeopleService, PersonObject } from '@claimtrace/auth';
import { withServices } from './with-services';

type Write = (text: string) => void;
const stdout: Write = (text) => process.stdout.write(text);

function line(person: PersonObject): string {
  const handle = person.handle ? `@${person.handle}` : '-';
  return `${person.id}  ${handle.padEnd(16)}  ${person.name}${person.email ? `  <${person.email}>` : ''}\n`;
}

/** `claimtrace person create|list`: the members of the team, to whom tokens belong. */
export function personCommand(write: Write = stdout): Command {
  const person = new Command('person').description(
    'people of the team: tokens belong to them, notes mention them, claims are assigned to them',
  );
  person
    .command('create')
    .description('add a person (then: token create --person <id or handle>)')
    .requiredOption('--name <name>', 'the name shown on every change they make')
    .option('--handle <handle>', 'what @mentions in notes name (letters, digits, _ and -)')
    .option('--email <email>', 'an address for the team')
    .option('--json', 'print the person as JSON')
    .action(async (options: { name: string; handle?: string; email?: string; json?: boolean }) => {
      const created = await withServices(
        (app) =>
          app.get(PeopleService).create({
            name: options.name,
            handle: options.handle ?? null,
            email: options.email ?? null,
          }),
        'initialises',
      );
      write(options.json ? `${JSON.stringify(publicOf(created))}\n` : `Created ${line(created)}`);
    });
  person
    .command('list')
    .description('list people by name')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      const all = await withServices(async (app) => {
        const people = app.get(PeopleService);
        const found: PersonObject[] = [];
        let after: string | null = null;
        for (;;) {
          const page = await people.page({ first: 100, after });
          found.push(...page.edges.map((edge) => edge.node));
          if (!page.pageInfo.hasNextPage) return found;
          after = page.pageInfo.endCursor;
        }
      }, 'reads');
      for (const one of all) write(options.json ? `${JSON.stringify(publicOf(one))}\n` : line(one));
      if (!options.json && all.length === 0) write('No people.\n');
    });
  return person;
}

function publicOf(person: PersonObject) {
  return { id: person.id, name: person.name, handle: person.handle, email: person.email };
}
