/**
 * How every test and benchmark here launches Debian's Chromium (playwright-core with
 * `executablePath`; `npx playwright install` cannot work on these machines). One list, so
 * the e2e suite and `npm run bench` measure the same browser the same way.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
