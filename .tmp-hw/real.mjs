import fs from 'node:fs';
import { chromium } from '@playwright/test';
const url = fs.readFileSync('/tmp/hw-host.log', 'utf8').trim().split('\n').pop();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: Number(process.env.H ?? 900) } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.goto(url);
const who = process.env.WHO ?? 'Sam Ortiz';
await page.getByRole('option', { name: who }).click();
await page.getByLabel('Passcode', { exact: true }).fill(who === 'Sam Ortiz' ? '3579' : '1357');
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Hardware' }).click();
await page.getByRole('heading', { name: 'Programmers' }).waitFor();
await page.waitForTimeout(2500);
await page.screenshot({ path: '/tmp/hw-real-1.png' });
const steps = (process.env.STEPS ?? '').split(',').filter(Boolean);
for (const s of steps) {
  const [cmd, arg] = s.split(':');
  if (cmd === 'attach') {
    await page.getByRole('button', { name: 'Attach door…' }).first().click();
    const d = page.getByRole('dialog');
    await d.getByRole('combobox', { name: 'Door' }).fill(arg.slice(0, -1));
    await page.getByRole('option', { name: arg }).click();
    await d.getByRole('button', { name: 'Attach door', exact: true }).click();
    await d.waitFor({ state: 'hidden' });
  }
  if (cmd === 'fault') {
    await page.getByRole('button', { name: /Fault/ }).first().click();
    await page.getByRole('option', { name: arg }).click();
    await page.getByRole('button', { name: 'Inject fault' }).first().click();
  }
  if (cmd === 'click') await page.getByRole('button', { name: arg, exact: true }).first().click();
  if (cmd === 'wait') await page.waitForTimeout(Number(arg));
  if (cmd === 'shot') await page.screenshot({ path: `/tmp/hw-real-${arg}.png`, fullPage: false });
  if (cmd === 'full') { await page.setViewportSize({ width: 1280, height: 2400 }); await page.screenshot({ path: `/tmp/hw-real-${arg}.png` }); await page.setViewportSize({ width: 1280, height: 900 }); }
  if (cmd === 'readerwrite') {
    await page.getByRole('button', { name: 'Configure reader…' }).first().click();
    const d = page.getByRole('dialog');
    await d.getByLabel('OSDP address').fill('5');
    await d.getByRole('checkbox', { name: 'OSDP secure channel' }).check();
    await d.getByRole('button', { name: 'Add unlocked hours' }).click();
    await page.screenshot({ path: `/tmp/hw-real-${arg}a.png` });
    await d.getByRole('button', { name: 'Write to reader' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/hw-real-${arg}.png` });
  }
  if (cmd === 'reader') {
    await page.getByRole('button', { name: 'Configure reader…' }).first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/hw-real-${arg}.png` });
  }
}
await browser.close();
