import path from 'node:path';
import { FileTextProvider } from './texts/file-text-provider';
import type { TextProvider } from './texts/text-provider';
import { TwilioTextProvider } from './texts/twilio-text-provider';

/** The provider `--texts` names: the file in the data folder, or Twilio configured from the environment. */
export function textProviderFor(choice: 'file' | 'twilio', dataDir: string, env: NodeJS.ProcessEnv): TextProvider {
  if (choice === 'file') return new FileTextProvider(path.join(dataDir, 'texts.jsonl'));
  const names = ['TWILIO_BASE_URL', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length) throw new Error(`--texts twilio needs ${missing.join(', ')} in the environment.`);
  return new TwilioTextProvider({ baseUrl: env.TWILIO_BASE_URL!, accountSid: env.TWILIO_ACCOUNT_SID!, authToken: env.TWILIO_AUTH_TOKEN!, from: env.TWILIO_FROM! });
}
