import type { Period, RankingRow } from '@/api/volunteering';
import type { Column } from '@/components/dataList';
import { monthsBack } from '../figures/data';
import { formatHours } from '../format';

export type PeriodChoice = 'year' | 'last12' | 'month' | 'custom';

/** The months a period choice covers, from the current China month. */
export function periodFor(choice: PeriodChoice, currentMonth: string, custom?: [string, string] | null): Period {
  switch (choice) {
    case 'year':
      return { from: `${currentMonth.slice(0, 4)}-01`, to: currentMonth };
    case 'last12':
      return monthsBack(currentMonth, 12);
    case 'month':
      return { from: currentMonth, to: currentMonth };
    case 'custom':
      return custom ? { from: custom[0], to: custom[1] } : { from: currentMonth, to: currentMonth };
  }
}

/** A ranking; `rank` (a badge, the first three marked) is drawn by the screen. */
export const RANKING_COLUMNS: Column<RankingRow>[] = [
  { key: 'rank', label: 'volunteering.rankings.rank', width: 80, card: 'title' },
  { key: 'name', label: 'volunteering.roster.name', text: (r) => r.name, minWidth: 200, card: 'head' },
  {
    key: 'hours',
    label: 'volunteering.myHours.hours',
    text: (r, t) => `${formatHours(r.minutes)} ${t('volunteering.common.hoursUnit')}`,
    width: 140,
    card: 'meta',
  },
];
