import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKpi } from '../../src/ui/format.ts';
import { open, screenshot, startDemoServer, type DemoServer } from './harness.ts';

describe('home page on demo data (issue 2)', () => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer({ days: 2 });
  }, 240_000);
  afterAll(async () => s?.close());

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
