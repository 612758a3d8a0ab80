import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what the console promises. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * React Aria's live announcer, a visually hidden region it keeps at the top of <body>. When a
 * focused Button turns pending and back (Sign in, Grant access), React Aria announces it with a
 * role="img" node labelled by the button's id, removed after 7 s; once the button has gone with
 * its form, the label points at nothing and axe reports role-img-alt. Not our markup: only this
 * one region is left out, nothing else.
 */
const thirdPartyLeftovers = ['[data-live-announcer]'];

type Finding = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** One readable paragraph per finding: the rule, why, and each element with what to fix there. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const nodes = finding.nodes.map((node) => {
        const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
        return `  - ${node.target.map(String).join(' > ')}\n      ${summary}`;
      });
      return `${finding.id} (${finding.impact}, ${finding.nodes.length} element${finding.nodes.length === 1 ? '' : 's'}): ${finding.help}\n${nodes.join('\n')}`;
    })
    .join('\n\n');
}

/**
 * Runs axe-core over the page, or only over `within` (a dialog's selector), and fails listing
 * every serious or critical finding: rule id, the elements' selectors and what is wrong there.
 * `where` names the screen in the failure ("the grant form").
 */
export async function expectNoSeriousFindings(page: Page, where: string, within?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  if (within) builder = builder.include(within);
  for (const selector of thirdPartyLeftovers) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Compared as text, so a failure reads as the list itself rather than a diff of axe's objects;
  // soft, so one run lists the findings of every screen a test checks.
  expect.soft(describeFindings(serious), `serious or critical accessibility findings on ${where}`).toBe('');
}
