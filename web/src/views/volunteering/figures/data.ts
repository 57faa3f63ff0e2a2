import type { MonthlyHours } from '@/api/volunteering';

export interface VolunteerFigures {
  hoursMinutes: number;
  volunteers: number;
  projects: number;
}

const KEYS = {
  hoursMinutes: 'volunteer.hours_minutes',
  volunteers: 'volunteer.volunteers',
  projects: 'volunteer.projects',
} as const;

function lookup(side: unknown, key: string): number | undefined {
  if (!side || typeof side !== 'object') return undefined;
  const flat = (side as Record<string, unknown>)[key];
  if (typeof flat === 'number') return flat;
  // Also accept the nested form { volunteer: { hours_minutes } }.
  const [group, name] = key.split('.');
  const nested = (side as Record<string, unknown>)[group];
  if (nested && typeof nested === 'object') {
    const v = (nested as Record<string, unknown>)[name];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

/**
 * The subtree's volunteer figures from GET /organizations/{id}/stats, or null
 * when that answer does not carry the volunteer.* counters.
 */
export function figuresFromStats(stats: Record<string, unknown> | null | undefined): VolunteerFigures | null {
  const side = stats?.subtree ?? stats;
  const hoursMinutes = lookup(side, KEYS.hoursMinutes);
  const volunteers = lookup(side, KEYS.volunteers);
  const projects = lookup(side, KEYS.projects);
  if (hoursMinutes === undefined || volunteers === undefined || projects === undefined) return null;
  return { hoursMinutes, volunteers, projects };
}

/** The last `count` months ending with `month` (YYYY-MM), oldest first. */
export function monthsBack(month: string, count: number): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - (count - 1);
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from, to: month };
}

/** Every month of the period, with zero where the server has no row. */
export function fillMonths(data: MonthlyHours): Array<{ month: string; hours: number }> {
  const byMonth = new Map(data.items.map((i) => [i.month, i.minutes]));
  const out: Array<{ month: string; hours: number }> = [];
  let [y, m] = data.from.split('-').map(Number);
  const [ty, tm] = data.to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, hours: Math.round(((byMonth.get(key) ?? 0) / 60) * 10) / 10 });
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function monthlyChartOption(rows: Array<{ month: string; hours: number }>, seriesName: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.month.slice(2)) },
    yAxis: { type: 'value' },
    series: [{ name: seriesName, type: 'bar', data: rows.map((r) => r.hours), itemStyle: { color: '#c8161d' } }],
  };
}
