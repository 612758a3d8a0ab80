import { startGrant } from './console-flow';
import { expect, test } from './fixtures';

// The core's limits reach the fields: staff cannot type past them, so no refusal in schema
// words ("Too big: expected string…") can come back.
test('the grant form’s fields stop at the lengths the core takes', async ({ page, openConsole }) => {
  await openConsole(page);
  const { dialog } = await startGrant(page, '201', 'North Tower');
  const name = dialog.getByRole('textbox', { name: /name$/ });
  await name.fill('');
  await name.pressSequentially('Jane '.repeat(30));
  await expect(name).toHaveValue('Jane '.repeat(30).slice(0, 100));
  const phone = dialog.getByLabel('Phone number');
  await phone.pressSequentially('312-555-0142 '.repeat(4));
  await expect(phone).toHaveValue('312-555-0142 '.repeat(4).slice(0, 32));
});
