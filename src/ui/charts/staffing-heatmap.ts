/**
 * Options of the staffing heat map: local dates (rows) × time of day (columns), the colour the
 * operators required on the phone (or scheduled) in that interval, for one skill.
 */

export interface HeatCell {
  /** Local 'YYYY-MM-DDTHH:MM'. */
  intervalStart: string;
  skill: string;
  agents: number | null;
}

export function staffingHeatmapOptions(cells: HeatCell[], skill: string, label: string) {
  const mine = cells.filter((c) => c.skill === skill);
  const dates = [...new Set(mine.map((c) => c.intervalStart.slice(0, 10)))].sort();
  const times = [...new Set(mine.map((c) => c.intervalStart.slice(11, 16)))].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const timeIndex = new Map(times.map((t, i) => [t, i]));
  let max = 0;
  const data = mine.map((c) => {
    max = Math.max(max, c.agents ?? 0);
    return [
      timeIndex.get(c.intervalStart.slice(11, 16))!,
      dateIndex.get(c.intervalStart.slice(0, 10))!,
      c.agents ?? '-',
    ];
  });
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 88, right: 24, top: 16, bottom: 80 },
    xAxis: { type: 'category', data: times, splitArea: { show: true } },
    yAxis: { type: 'category', data: dates, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [
      {
        name: `${skill} · ${label}`,
        type: 'heatmap',
        data,
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}
