/**
 * The home page (issue 2) and the HR month page (issue 7) on two days of demo data, in a browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKpi } from '../../src/ui/format.ts';
import { open, screenshot, startDemoServer, type DemoServer } from './harness.ts';

let s: DemoServer;
beforeAll(async () => {
  s = await startDemoServer({ days: 2 });
}, 240_000);
afterAll(async () => s?.close());

describe('home page on demo data (issue 2)', () => {
  it("shows yesterday's KPI tiles and the rendered SL / lost-by-hour chart", async () => {
    const page = await s.newPage();
    await open(page, `${s.url}/`);
    await page.locator('[data-testid="kpi-tiles"] .tile').first().waitFor();
    expect(await page.locator('[data-testid="kpi-tiles"] .tile').count()).toBeGreaterThanOrEqual(8);
    await page.locator('.echart svg').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.echart svg path').count()).toBeGreaterThan(0);
    const api = await s.apiKpi({ from: s.end, to: s.end });
    const offered = await page.locator('[data-kpi="offered"] .value').textContent();
    expect(offered?.trim()).toBe(formatKpi('offered', api.rows[0].offered));
    await screenshot(page, 'home');
  });
});

describe('HR month page (issue 7)', () => {
  it('keeps its month and the draft through a what-if (QA: the page fell back to another month)', async () => {
    const month = s.end.slice(0, 7); // the demo's month, with pay data
    const page = await s.newPage();
    await open(page, `${s.url}/hr?month=${month}`);
    const draft = '{"pay": {"rules": [{"from": "2026-01-01", "guaranteed_tiyn": 30000000}]}}';
    await page.locator('textarea[name="text"]').fill(draft);
    await page.locator('[data-testid="whatif-run"]').click();
    await page.waitForURL((url) => url.searchParams.get('month') === month);
    await page.locator('[data-testid="whatif-summary"]').waitFor();
    expect(await page.locator('h1').textContent()).toContain(month);
    expect(await page.locator('input[name="month"]').first().inputValue()).toBe(month);
    expect(await page.locator('textarea[name="text"]').inputValue()).toBe(draft);
    // The draft guarantees 300 000 ₸ instead of the default 250 000: the month costs more.
    expect(await page.locator('[data-testid="whatif-summary"]').textContent()).toMatch(/\(\+[\d ]+\.\d\d ₸\)/);
    await screenshot(page, 'hr-whatif');
  });
});

describe('Erlang calculator (issue 5)', () => {
  it('keeps its inputs in the URL: a reload or a shared link shows the same figures (QA)', async () => {
    const page = await s.newPage();
    await open(page, `${s.url}/planner/erlang?calls=250&aht=200`);
    const inputs = page.locator('main input');
    expect([await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()]).toEqual(['250', '200']);
    await inputs.nth(0).fill('300');
    await page.waitForURL((url) => url.searchParams.get('calls') === '300');
    expect(new URL(page.url()).searchParams.get('aht')).toBe('200');
  });
});
