// `npm start`: the whole product on this machine. Ctrl-C (or SIGTERM) stops every process it started.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/env.ts';
import { withSecrets } from '../config/secrets.ts';
import { describeStack, startStack, type RunningStack } from './stack/run.ts';
import { stopAllServices } from './stack/service.ts';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

let stack: RunningStack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // Also covers a Ctrl-C during start-up, before the stack object exists.
    await stopAllServices();
    if (stack) console.log('Stopped.');
  }
  process.exit(code);
}

function onSignal(): void {
  console.log('\nStopping…');
  void shutdown(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  const config = withSecrets(loadConfig());
  const started = performance.now();
  console.log(`Starting OpsKings Support Analytics (data in ${config.dataDir})`);
  stack = await startStack(config, { fresh: values.fresh, echo: !values.quiet });
  console.log(`\nReady in ${((performance.now() - started) / 1000).toFixed(1)} s\n${describeStack(config)}\n\nCtrl-C stops everything.`);
  const crashed = await stack.crashed;
  if (!stopping) {
    console.error(`\n${crashed.spec.name} stopped unexpectedly; see ${crashed.spec.logFile}`);
    await shutdown(1);
  }
} catch (err) {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`\nStart-up failed: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
