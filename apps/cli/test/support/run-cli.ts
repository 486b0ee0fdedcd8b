import { Command } from 'commander';
import { buildCli } from '../../src/main';

/** The CLI with every command throwing instead of exiting the test process, and quiet on stderr. */
export function throwingCli(): Command {
  const cli = buildCli();
  const override = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: () => undefined });
    command.commands.forEach(override);
  };
  override(cli);
  return cli;
}

/** Runs `claimtrace <args>` in-process and answers what it wrote to stdout. */
export async function runCli(...args: string[]): Promise<string> {
  const output: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await throwingCli().parseAsync(['node', 'claimtrace', ...args]);
  } finally {
    spy.mockRestore();
  }
  return output.join('');
}
