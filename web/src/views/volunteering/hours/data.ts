import type { HourReport, LedgerEntry } from '@/api/volunteering';
import type { TagType } from '@/views/home/data';

export interface PeriodTotal {
  period: string;
  minutes: number;
}

/** Confirmed minutes per month (YYYY-MM), newest first; reversals count negative as stored. */
export function monthlyTotals(entries: LedgerEntry[]): PeriodTotal[] {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.month, (sums.get(e.month) ?? 0) + e.minutes);
  return [...sums]
    .map(([period, minutes]) => ({ period, minutes }))
    .sort((a, b) => b.period.localeCompare(a.period));
}

/** Confirmed minutes per year, newest first. */
export function yearlyTotals(entries: LedgerEntry[]): PeriodTotal[] {
  const sums = new Map<string, number>();
  for (const e of entries) {
    const year = e.month.slice(0, 4);
    sums.set(year, (sums.get(year) ?? 0) + e.minutes);
  }
  return [...sums]
    .map(([period, minutes]) => ({ period, minutes }))
    .sort((a, b) => b.period.localeCompare(a.period));
}

export const reportStatusTag: Record<HourReport['status'], TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** Hours typed in the form (steps of a quarter hour) as whole minutes. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}
