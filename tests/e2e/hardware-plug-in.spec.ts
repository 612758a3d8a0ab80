import { sections } from './console-flow';
import { expect, test } from './fixtures';

/**
 * A product console (real hardware) on this machine, where nothing is plugged in: no banner, no
 * simulator, and the Hardware page says what to plug in and how, and how to start training.
 */
test.use({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' }, hardware: 'real' });

test('with nothing plugged in, the Hardware page says what to plug in and offers training; no simulator appears', async ({ openConsole, page }) => {
  await openConsole();
  await sections(page).getByRole('link', { name: 'Hardware' }).click();
  await expect(page.getByRole('heading', { name: 'Hardware', level: 2 })).toBeVisible();
  const programmers = page.getByRole('region', { name: 'Programmers' });
  await expect(programmers).toContainText('Plug the Porter key-programmer into a USB port');
  await expect(programmers).toContainText('70-porter-key-programmer.rules');
  await expect(programmers).toContainText('Windows and macOS');
  await expect(programmers).toContainText('npm start -- --training');
  await expect(page.getByRole('region', { name: 'Training mode' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Simulator' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Simulated Bluetooth' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/hardware-nothing-plugged-in.png', fullPage: true });
});
