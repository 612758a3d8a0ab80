import { runCloudCli, UsageError } from './cli';

/** The process around `npm run cloud` (cli.ts): exit codes and signals. */
runCloudCli(process.argv.slice(2), process.env, (line) => console.log(line)).then(
  (running) => {
    if (!running) return;
    const stop = (): void => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : `Porter cloud could not start: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
