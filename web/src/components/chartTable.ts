// The numbers behind a chart as a table (header row + body rows), read from the same ECharts
// option the chart draws: pies give one row per slice, bars and lines one row per category with
// a column per series. Series marked `silent` (a decorative "no data" ring) are left out.
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartTable {
  head: string[];
  rows: (string | number)[][];
}

interface Series {
  type?: string;
  name?: string;
  silent?: boolean;
  data?: unknown[];
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function valueOf(d: unknown): string | number {
  if (d !== null && typeof d === 'object' && 'value' in d) return valueOf((d as { value: unknown }).value);
  return typeof d === 'number' || typeof d === 'string' ? d : '';
}

export function chartTable(option: EChartsCoreOption, labels: { name: string; value: string }): ChartTable {
  const series = asArray(option.series as Series | Series[]).filter((s) => !s.silent);
  const pies = series.filter((s) => s.type === 'pie');
  if (pies.length > 0) {
    const rows = pies.flatMap((s) =>
      (s.data ?? []).map((d) => [String((d as { name?: string }).name ?? ''), valueOf(d)] as (string | number)[]),
    );
    return { head: [labels.name, labels.value], rows };
  }
  const axes = [...asArray(option.xAxis as { data?: unknown[] }), ...asArray(option.yAxis as { data?: unknown[] })];
  const categories = axes.find((a) => Array.isArray(a?.data))?.data ?? [];
  const head = [labels.name, ...series.map((s, i) => s.name ?? (series.length === 1 ? labels.value : `${labels.value} ${i + 1}`))];
  const rows = categories.map((c, i) => [String(valueOf(c)), ...series.map((s) => valueOf(s.data?.[i]))]);
  return { head, rows };
}
