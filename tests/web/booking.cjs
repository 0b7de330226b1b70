// The booking page as a person on a phone uses it: Debian's chromium through playwright-core.
// usage: node booking.cjs BASE_URL SHOT_DIR   (PLAYWRIGHT_CORE: where playwright-core is)
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const [base, shots] = process.argv.slice(2);

async function noHorizontalScroll(page, what) {
  const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${what}: the page scrolls sideways by ${wide} px`);
}

async function api(pathname, method = 'GET') {
  const res = await fetch(base + pathname, { method });
  return { status: res.status, body: await res.json() };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // No sandbox as root; nothing that reaches for the internet (the machine has none).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      locale: 'vi-VN',
    });
    const violations = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(base + '/dat-lich');
    await noHorizontalScroll(page, 'categories');
    await page.screenshot({ path: path.join(shots, 'booking-1-category-vi.png'), fullPage: true });
    await page.getByRole('link', { name: 'Tư pháp - Hộ tịch' }).click();

    // The first day with places, then the first free time.
    await page.getByText('2. Chọn ngày').waitFor();
    await noHorizontalScroll(page, 'days');
    await page.screenshot({ path: path.join(shots, 'booking-2-day-vi.png'), fullPage: true });
    await page.locator('a.choice').first().click();
    await page.getByText('3. Chọn giờ').waitFor();
    await noHorizontalScroll(page, 'times');
    await page.screenshot({ path: path.join(shots, 'booking-3-time-vi.png'), fullPage: true });
    const time = (await page.locator('a.choice').first().innerText()).split('\n')[0].trim();
    await page.locator('a.choice').first().click();

    // A wrong number is refused in plain words and the form stays.
    await page.getByLabel('4. Số điện thoại của Quý khách').fill('12345');
    await page.getByRole('button', { name: '5. Xác nhận đặt lịch' }).click();
    await page.getByText('Vui lòng kiểm tra số điện thoại').waitFor();
    await page.getByLabel('4. Số điện thoại của Quý khách').fill('0912 345 123');
    await noHorizontalScroll(page, 'phone');
    await page.screenshot({ path: path.join(shots, 'booking-4-phone-vi.png'), fullPage: true });
    await page.getByRole('button', { name: '5. Xác nhận đặt lịch' }).click();

    await page.waitForURL(/\/dat-lich\/[A-Z0-9]{8}\?new=1$/);
    await page.getByText('Quý khách đã đặt lịch hẹn thành công.').waitFor();
    const code = (await page.locator('.code').innerText()).replace(/\s/g, '');
    assert.match(code, /^[A-Z0-9]{8}$/);
    assert.ok(await page.locator('svg.qr').isVisible(), 'the QR code shows');
    await page.getByText('Giấy chứng sinh (bản chính)').waitFor();  // what to bring
    await noHorizontalScroll(page, 'booking');
    await page.screenshot({ path: path.join(shots, 'booking-5-done-vi.png'), fullPage: true });

    // Through the API: booked, at the chosen time, the phone masked.
    const booked = await api('/api/v1/public/appointments/' + code);
    assert.equal(booked.status, 200);
    assert.equal(booked.body.state, 'booked');
    assert.equal(booked.body.category, 'HT');
    assert.equal(booked.body.start, time);
    assert.equal(booked.body.phone, '09•• ••• 123');
    const html = await page.content();
    assert.ok(!html.includes('0912345123') && !html.includes('345 123'), 'the page hides the number');

    // English, then cancel (the page asks first).
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByText('Your booking code').waitFor();
    await noHorizontalScroll(page, 'booking (en)');
    await page.screenshot({ path: path.join(shots, 'booking-5-done-en.png'), fullPage: true });
    // The confirmation is the page's one script: its Content-Security-Policy allows it by its
    // hash and nothing else. Blocked, the form would cancel without asking.
    let asked = '';
    page.once('dialog', (dialog) => { asked = dialog.message(); dialog.accept(); });
    await page.getByRole('button', { name: 'Cancel the appointment' }).click();
    await page.getByText('Cancelled').waitFor();
    assert.equal(asked, 'Cancel this appointment?', 'the page asks before cancelling');
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    const cancelled = await api('/api/v1/public/appointments/' + code);
    assert.equal(cancelled.body.state, 'cancelled');
    console.log(`booked ${code} at ${time} and cancelled it`);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
