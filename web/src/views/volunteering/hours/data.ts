import type { Certificate, HourReport, LedgerEntry, TeamView } from '@/api/volunteering';
import type { Column, TagType } from '@/components/dataList';
import type { FieldOption, FormField } from '@/components/formFields';
import { formatDateTime, formatHours } from '../format';

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

/** Hours typed in the form (whole and half hours) as whole minutes. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

const hoursText = (minutes: number, t: (key: string) => string) => `${formatHours(minutes)} ${t('volunteering.common.hoursUnit')}`;

export const MONTH_COLUMNS: Column<PeriodTotal>[] = [
  { key: 'period', label: 'volunteering.myHours.month', text: (m) => m.period, card: 'title' },
  { key: 'hours', label: 'volunteering.myHours.hours', text: (m) => formatHours(m.minutes), card: 'head' },
];

export const LEDGER_COLUMNS: Column<LedgerEntry>[] = [
  { key: 'date', label: 'volunteering.myHours.date', text: (e) => formatDateTime(e.worked_at).slice(0, 10), card: 'title' },
  { key: 'kind', label: 'volunteering.myHours.kind', text: (e, t) => t(`volunteering.kind.${e.kind}`), card: 'meta' },
  { key: 'hours', label: 'volunteering.myHours.hours', text: (e, t) => hoursText(e.minutes, t), card: 'head' },
];

export const MY_REPORT_COLUMNS: Column<HourReport>[] = [
  { key: 'worked_on', label: 'volunteering.report.workedOn', text: (r) => r.worked_on, width: 120, card: 'title' },
  { key: 'description', label: 'volunteering.report.description', text: (r) => r.description, minWidth: 200, card: 'text' },
  { key: 'hours', label: 'volunteering.myHours.hours', text: (r, t) => hoursText(r.minutes, t), width: 110, card: 'meta' },
  {
    key: 'status',
    label: 'volunteering.report.status',
    text: (r, t) => t(`volunteering.reportStatus.${r.status}`),
    tag: (r) => reportStatusTag[r.status],
    width: 100,
    card: 'head',
  },
];

/** Certificates; `files` (the PDF and the public verification page) is drawn by the screen. */
export const CERTIFICATE_COLUMNS: Column<Certificate>[] = [
  {
    key: 'hours',
    label: 'volunteering.myHours.hours',
    text: (c, t) => t('volunteering.certificates.hours', { hours: formatHours(c.certificate.minutes) }),
    card: 'title',
  },
  {
    key: 'issuer',
    label: 'volunteering.certificates.issuer',
    text: (c) => c.certificate.organization_name,
    testid: 'certificate-issuer',
    card: 'meta',
  },
  { key: 'issued_on', label: 'volunteering.certificates.issuedOn', text: (c) => c.certificate.issued_on, card: 'meta' },
  { key: 'code', label: 'volunteering.certificates.code', text: (c) => c.certificate.code, card: 'meta' },
  { key: 'files', label: 'volunteering.certificates.files', card: 'text' },
];

/** Teams I may report hours to: the server's can.report_hours (an active member or leader, the team active). */
export function reportTeams(teams: Pick<TeamView, 'id' | 'name' | 'can'>[]): Array<{ id: number; name: string }> {
  return teams.filter((team) => team.can.report_hours).map((team) => ({ id: team.id, name: team.name }));
}

/** The self-report form; its hours are sent as minutes. */
export interface HourReportFormModel {
  team_id: number | null;
  worked_on: string;
  hours: number;
  description: string;
}

export const REPORT_FIELDS: FormField<HourReportFormModel, { teams: FieldOption[] }>[] = [
  {
    key: 'team_id',
    kind: 'select',
    label: 'volunteering.report.team',
    required: true,
    placeholder: 'volunteering.report.teamPlaceholder',
    options: (c) => c.teams,
    testid: 'report-team',
  },
  { key: 'worked_on', kind: 'date', label: 'volunteering.report.workedOn', required: true, half: true, testid: 'report-date' },
  {
    key: 'hours',
    kind: 'number',
    label: 'volunteering.report.hours',
    required: true,
    half: true,
    // Whole and half hours: 0.5, 1, 1.5, 2 … (a typed 1.2 snaps to 1); the server takes any
    // whole number of minutes from 1 to 1440 and checks again.
    attrs: { min: 0.5, max: 24, step: 0.5, 'step-strictly': true },
    testid: 'report-hours',
  },
  {
    key: 'description',
    kind: 'textarea',
    label: 'volunteering.report.description',
    required: true,
    attrs: { rows: 3 },
    testid: 'report-description',
  },
];
