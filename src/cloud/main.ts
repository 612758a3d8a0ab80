import { OperatorError, runCloudCli, UsageError } from './cli';
import { OperatorTokenUnusable } from './operator/operator-token';

/** The process around `npm run cloud` (cli.ts): exit codes and signals. */
runCloudCli(process.argv.slice(2), process.env, (line) => console.log(line)).then(
  (running) => {
    if (!running) return;
    const stop = (): void => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    const said = error instanceof UsageError || error instanceof OperatorError || error instanceof OperatorTokenUnusable;
    console.error(said ? (error as Error).message : `Porter cloud could not start: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
