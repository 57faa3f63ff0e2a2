import type { Period } from '@/api/volunteering';
import { monthsBack } from '../figures/data';

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
