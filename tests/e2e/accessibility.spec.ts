import type { Page } from '@playwright/test';
import { expectNoSeriousFindings } from './axe-check';
import { chooseType, fillGuest, openGrantForm, openUnit, revoke, sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * axe-core over every page and dialog of the console, signed in as an admin through the
 * browser host (training hardware, so the simulator panels are on the Hardware page too):
 * no serious or critical WCAG 2.0/2.1 A or AA finding anywhere. The sync setup needs a
 * console that could pair: see accessibility-sync.spec.ts.
 */
test.use({ operator: null });

const dialog = '[role="dialog"]';
const alertDialog = '[role="alertdialog"]';

async function signInAsAdmin(page: Page): Promise<void> {
  const staff = page.getByRole('listbox', { name: 'Who is signing in?' });
  await staff.getByRole('option', { name: 'Avery Brooks' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('1357');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Signed in' })).toContainText('Avery Brooks');
}

async function goTo(page: Page, section: 'Units' | 'Access' | 'Activity' | 'Hardware'): Promise<void> {
  await sections(page).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible();
}

test('the sign-in screen has no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousFindings(page, 'the sign-in screen');
  // A refusal shows its message in the bad colour.
  await page.getByRole('listbox', { name: 'Who is signing in?' }).getByRole('option', { name: 'Avery Brooks' }).click();
  await page.getByLabel('Passcode', { exact: true }).fill('0000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passcode');
  await expectNoSeriousFindings(page, 'the sign-in screen with a wrong passcode');
  await signInAsAdmin(page);
});

test('Units, a unit’s detail, the grant form and the revoke confirmation have no serious accessibility finding', async ({
  page,
  openConsole,
}) => {
  await openConsole(page);
  await signInAsAdmin(page);

  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await expectNoSeriousFindings(page, 'Units');

  const { panel } = await openUnit(page, '101', 'South Tower');
  await expectNoSeriousFindings(page, 'a unit’s detail');

  const form = await openGrantForm(page, panel, '101');
  await expectNoSeriousFindings(page, 'the grant form', dialog);
  // Submitted empty: every field says what it needs.
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousFindings(page, 'the grant form with its refusals', dialog);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await openGrantForm(page, panel, '101');
  await chooseType(form, 'PIN code', 'Temporary');
  await expectNoSeriousFindings(page, 'the grant form, temporary', dialog);
  await chooseType(form, 'PIN code', 'Recurring');
  await expectNoSeriousFindings(page, 'the grant form, recurring', dialog);
  await chooseType(form, 'PIN code', 'Permanent');
  await fillGuest(form, 'Rosa Delgado', '312-555-0142');
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form).toBeHidden();

  const credential = panel.getByRole('article', { name: 'Rosa Delgado' });
  await expect(credential.getByText('Active', { exact: true })).toBeVisible();
  await expectNoSeriousFindings(page, 'a unit’s detail with a new credential');
  await credential.getByRole('button', { name: /^Revoke/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousFindings(page, 'the revoke confirmation', alertDialog);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Keep access' }).click();
  await revoke(page, credential, 'Rosa Delgado');
  await expect(credential.getByText('Revoked', { exact: true })).toBeVisible();
  await expectNoSeriousFindings(page, 'a unit’s detail with a revoked credential');
});

test('Access, the bulk form, Activity and Hardware have no serious accessibility finding', async ({ page, openConsole }) => {
  await openConsole(page);
  await signInAsAdmin(page);
  await goTo(page, 'Access');
  await expect(page.getByRole('table', { name: 'Credentials across the community' })).toBeVisible();
  await expectNoSeriousFindings(page, 'Access');
  await page.getByRole('button', { name: 'Bulk grant' }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk grant' });
  await expect(bulk).toBeVisible();
  await expectNoSeriousFindings(page, 'the bulk form', dialog);
  await bulk.getByRole('button', { name: /Building$/ }).click();
  await expect(page.getByRole('option', { name: 'North Tower', exact: true })).toBeVisible();
  await expectNoSeriousFindings(page, 'the bulk form’s building list', '[role="listbox"]');
  await page.getByRole('option', { name: 'North Tower', exact: true }).click();
  await bulk.getByRole('button', { name: /Floor$/ }).click();
  await page.getByRole('option', { name: 'Floor 3', exact: true }).click();
  await expect(bulk).toContainText('14 units');
  await expectNoSeriousFindings(page, 'the bulk form with a floor chosen', dialog);
  await bulk.getByRole('button', { name: 'Cancel' }).click();
  await expect(bulk).toBeHidden();

  await goTo(page, 'Activity');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNoSeriousFindings(page, 'Activity');

  await goTo(page, 'Hardware');
  await expectNoSeriousFindings(page, 'Hardware');
});

test('the other dialogs: grant from Access, grant to selected units, attach a simulated door', async ({ page, openConsole }) => {
  await openConsole(page);
  await signInAsAdmin(page);

  const grid = page.getByRole('grid', { name: 'Units' });
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await grid.getByRole('checkbox', { name: /^Select unit / }).first().click();
  await page.getByRole('button', { name: 'Grant to selected…' }).click();
  const selected = page.getByRole('dialog', { name: 'Grant to selected units' });
  await expect(selected).toBeVisible();
  await expectNoSeriousFindings(page, 'the grant to selected units', dialog);
  await selected.getByRole('button', { name: 'Cancel' }).click();
  await expect(selected).toBeHidden();

  await goTo(page, 'Access');
  await page.getByRole('button', { name: 'Grant access' }).click();
  const grant = page.getByRole('dialog', { name: 'Grant access' });
  await expect(grant).toBeVisible();
  await expectNoSeriousFindings(page, 'Access’s grant, picking a unit', dialog);
  await grant.getByRole('button', { name: 'Cancel' }).click();
  await expect(grant).toBeHidden();

  await goTo(page, 'Hardware');
  await page.getByRole('region', { name: 'Simulator' }).getByRole('button', { name: 'Attach door…' }).first().click();
  const attach = page.getByRole('dialog', { name: 'Attach a simulated door' });
  await expect(attach).toBeVisible();
  await expectNoSeriousFindings(page, 'attaching a simulated door', dialog);
});
