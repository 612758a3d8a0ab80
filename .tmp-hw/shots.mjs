import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
const root = '/tmp/porter-hw-renderer';
const server = http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(req.url.split('?')[0].split('#')[0]) === '/' ? 'index.html' : decodeURIComponent(req.url.split('?')[0]));
  if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
  res.writeHead(200, { 'content-type': type }); fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(5311, '127.0.0.1', r));
const models = JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')).lockModels;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: Number(process.env.H ?? 800) } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.addInitScript(`window.__MODELS__ = ${JSON.stringify(models)};`);
await page.addInitScript({ path: '.tmp-hw/mock.js' });
await page.goto('http://127.0.0.1:5311/#view=hardware');
await page.getByRole('heading', { name: 'Programmers' }).waitFor();
await page.screenshot({ path: '/tmp/hw-mock-full.png', fullPage: true });
const step = process.argv[2];
if (step === 'reader') {
  await page.getByRole('region', { name: /PKP-3/ }).getByRole('button', { name: 'Configure reader…' }).click();
  await page.getByRole('dialog').getByLabel('OSDP address').waitFor();
  await page.screenshot({ path: '/tmp/hw-mock-reader.png' });
}
if (step === 'assign') {
  await page.getByRole('region', { name: /PKP-4/ }).getByRole('button', { name: 'Assign to door…' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Door' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/hw-mock-assign.png' });
}
if (step === 'attach') {
  await page.getByRole('group', { name: /PKP-1 PKP1-000001/ }).getByRole('button', { name: 'Attach door…' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Door' }).fill('Tower');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/hw-mock-attach.png' });
}
await browser.close();
server.close();
