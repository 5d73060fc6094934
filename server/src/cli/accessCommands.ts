/** Dispatch of the access subcommands (`simulate`, `diff`, `test`) built on the evaluation engine. */
import { t } from '../i18n';
import { runAccessTests } from './accessTests';
import { runDiff } from './diff';
import type { CliIo } from './io';
import { InputError } from './policyInput';
import { runSimulate } from './simulate';

export const ACCESS_COMMANDS: ReadonlySet<string> = new Set(['simulate', 'diff', 'test']);

/** Runs a subcommand; usage and input problems are exit status 2 with a message on stderr. */
export async function runAccessCommand(command: string, argv: string[], io: CliIo): Promise<number> {
  try {
    switch (command) {
      case 'simulate':
        return await runSimulate(argv, io);
      case 'diff':
        return await runDiff(argv, io);
      default:
        return await runAccessTests(argv, io);
    }
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr.write(`iam-policy-lint ${command}: ${err.message}\n${t('access.seeHelp', { command })}\n`);
      return 2;
    }
    throw err;
  }
}
