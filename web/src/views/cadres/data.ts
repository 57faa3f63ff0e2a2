// The cadres screens' declarations: columns of the cadre's contacts and of the committee's
// per-cadre quota status, the interaction and help forms, and the dashboard chart, once.
import type {
  CadreFiguresRow,
  Contact,
  Dashboard,
  Interaction,
  NewHelp,
  NewInteraction,
  NewPosting,
  NewPostingLog,
  NewUnitService,
  Posting,
  ServedUnit,
  ServedUnitsOverview,
  TargetSettings,
  UnitServiceView,
  TargetSettingsInput,
} from '@/api/cadres';
import { searchOrganizations } from '@/api/organizations';
import { listPeople } from '@/api/people';
import type { Column } from '@/components/dataList';
import type { FormDialogSpec } from '@/components/formFields';

export const CONTACT_COLUMNS: Column<Contact>[] = [
  { key: 'person_name', label: 'cadres.columns.name', text: (c) => c.person_name ?? '', card: 'title', minWidth: 120, testid: 'contact-name' },
  { key: 'field', label: 'cadres.columns.field', text: (c, t) => t(`cadres.field.${c.field}`), card: 'meta', width: 120 },
  { key: 'status', label: 'cadres.columns.status', text: (c, t) => t(`cadres.status.${c.status}`), card: 'meta', width: 100 },
  { key: 'due', label: 'cadres.columns.due', card: 'text', minWidth: 160 },
];

export const FIGURES_COLUMNS: Column<CadreFiguresRow>[] = [
  { key: 'name', label: 'cadres.columns.cadre', text: (r) => r.cadre.name, card: 'title', minWidth: 120 },
  { key: 'organization', label: 'cadres.columns.organization', text: (r) => r.cadre.organization_name, card: 'meta', minWidth: 160 },
  { key: 'contacts', label: 'cadres.columns.contacts', text: (r) => `${r.active_contacts} / ${r.contact_target}`, card: 'meta', width: 110 },
  { key: 'at_quota', label: 'cadres.columns.quota', text: (r, t) => t(r.at_quota ? 'cadres.atQuota' : 'cadres.belowQuota'), card: 'meta', width: 100 },
  { key: 'fields_covered', label: 'cadres.columns.fields', text: (r) => String(r.fields_covered), width: 100 },
  { key: 'activity_due', label: 'cadres.columns.activityDue', text: (r) => String(r.activity_due), width: 110 },
  { key: 'talk_due', label: 'cadres.columns.talkDue', text: (r) => String(r.talk_due), width: 110 },
  { key: 'help_overdue', label: 'cadres.columns.helpOverdue', text: (r) => `${r.help_overdue} / ${r.help_open}`, width: 110 },
];

export const INTERACTION_COLUMNS: Column<Interaction>[] = [
  { key: 'kind', label: 'cadres.columns.kind', text: (i, t) => t(`cadres.kind.${i.kind}`), card: 'title', width: 120 },
  { key: 'occurred_on', label: 'cadres.columns.date', text: (i) => i.occurred_on, card: 'meta', width: 120 },
  { key: 'summary', label: 'cadres.columns.summary', text: (i) => i.summary ?? '', card: 'text', minWidth: 200 },
];

export interface InteractionModel {
  kind: NewInteraction['kind'];
  occurred_on: string;
  summary: string;
}

/** The POST body for the chosen contacts: an empty summary left out. */
export function newInteraction(m: InteractionModel, contactIds: number[]): NewInteraction {
  const summary = m.summary.trim();
  return { kind: m.kind, occurred_on: m.occurred_on, contact_ids: contactIds, ...(summary ? { summary } : {}) };
}

export function newHelp(category: NewHelp['category'], description: string): NewHelp {
  const d = description.trim();
  return { category, ...(d ? { description: d } : {}) };
}

/** Bars of active contacts and due talks per child organization. */
export function dashboardChart(d: Dashboard, t: (key: string) => string) {
  const children = d.children.filter((c) => c.figures.cadres > 0);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('cadres.figures.contacts'), t('cadres.figures.talk_due')] },
    xAxis: { type: 'category', data: children.map((c) => c.short_name ?? c.name) },
    yAxis: { type: 'value' },
    series: [
      { name: t('cadres.figures.contacts'), type: 'bar', data: children.map((c) => c.figures.contacts) },
      { name: t('cadres.figures.talk_due'), type: 'bar', data: children.map((c) => c.figures.talk_due) },
    ],
  };
}

/** The targets form: an empty number inherits the setting above. */
export interface TargetsModel {
  contact_target: number | null;
  posting_months: number | null;
}

export const TARGETS_DIALOG: FormDialogSpec<TargetsModel> = {
  testid: 'cadres-targets-dialog',
  fieldTestidPrefix: 'cadres-targets-',
  fields: [
    { key: 'note-hint', kind: 'note', label: 'cadres.settings.hint' },
    { key: 'contact_target', kind: 'number', label: 'cadres.settings.contactTarget', attrs: { min: 1, max: 1000, valueOnClear: null } },
    { key: 'posting_months', kind: 'number', label: 'cadres.settings.postingMonths', attrs: { min: 1, max: 12, valueOnClear: null } },
  ],
};

export function targetsModel(s: TargetSettings | null): TargetsModel {
  return { contact_target: s?.own.contact_target ?? null, posting_months: s?.own.posting_months ?? null };
}

export function targetsBody(m: TargetsModel): TargetSettingsInput {
  return { contact_target: m.contact_target ?? null, posting_months: m.posting_months ?? null };
}

/** Where a value in force comes from: the platform default, this organization or one above. */
export function targetSource(s: TargetSettings, from: number | null): string {
  if (from === null) return 'cadres.settings.fromDefault';
  return from === s.organization_id ? 'cadres.settings.fromHere' : 'cadres.settings.fromAbove';
}

// "8+4" postings.

/** The state of a posting as a tag: cancelled, confirmed by the host, reported, ended without a report, or running. */
export function postingState(p: Posting, today: string): 'cancelled' | 'confirmed' | 'reported' | 'unreported' | 'running' | 'planned' {
  if (p.status === 'cancelled') return 'cancelled';
  if (p.confirmed_at !== null) return 'confirmed';
  if (p.report !== null) return 'reported';
  if (p.ends_on < today) return 'unreported';
  return p.starts_on <= today ? 'running' : 'planned';
}

const STATE_TAGS = { cancelled: 'info', confirmed: 'success', reported: 'primary', unreported: 'danger', running: 'warning', planned: 'info' } as const;

export const postingColumns = (today: string): Column<Posting>[] => [
  { key: 'cadre', label: 'cadres.columns.cadre', text: (p) => p.cadre.name, card: 'title', minWidth: 110, testid: 'posting-cadre' },
  { key: 'host', label: 'cadres.postings.host', text: (p) => p.host_name, card: 'meta', minWidth: 150, testid: 'posting-host' },
  { key: 'period', label: 'cadres.postings.period', text: (p) => `${p.starts_on} ~ ${p.ends_on}`, card: 'meta', minWidth: 190 },
  { key: 'days', label: 'cadres.postings.days', text: (p) => String(p.days), card: 'meta', width: 80 },
  { key: 'log', label: 'cadres.postings.log', text: (p, t) => t('cadres.postings.logSummary', { n: p.log_entries, hours: hours(p.log_minutes) }), width: 140 },
  {
    key: 'state',
    label: 'cadres.columns.status',
    text: (p, t) => t(`cadres.postings.state.${postingState(p, today)}`),
    tag: (p) => STATE_TAGS[postingState(p, today)],
    card: 'head',
    width: 110,
    testid: 'posting-state',
  },
  { key: 'tasks', label: 'cadres.postings.tasks', text: (p) => p.tasks, card: 'text', minWidth: 200 },
];

export function hours(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toString();
}

/** Months served (30-day months, one decimal) against the target for the cadres posted. */
export function monthsServed(postingDays: number): number {
  return Math.round((postingDays / 30) * 10) / 10;
}

export interface PlanModel {
  person_id: number | null;
  host_organization_id: number | null;
  starts_on: string;
  ends_on: string;
  tasks: string;
}

export interface PlanContext {
  organizationId: number;
}

export const PLAN_DIALOG: FormDialogSpec<PlanModel, PlanContext> = {
  testid: 'posting-plan-dialog',
  fieldTestidPrefix: 'posting-plan-',
  submitLabel: 'cadres.postings.plan',
  fields: [
    {
      key: 'person_id',
      kind: 'search',
      label: 'cadres.postings.cadre',
      required: true,
      placeholder: 'cadres.postings.cadrePlaceholder',
      search: async (q, c) =>
        (await listPeople(c.organizationId, { scope: 'subtree', kind: 'cadre', q: q.trim() || undefined, limit: 20 })).items.map((p) => ({
          value: p.id,
          text: `${p.name} · ${p.organization.name}`,
        })),
    },
    {
      key: 'host_organization_id',
      kind: 'search',
      label: 'cadres.postings.host',
      required: true,
      placeholder: 'cadres.postings.hostPlaceholder',
      search: async (q) =>
        q.trim() ? (await searchOrganizations(q.trim(), { limit: 20 })).items.map((o) => ({ value: o.id, text: o.name })) : [],
    },
    { key: 'starts_on', kind: 'date', label: 'cadres.postings.startsOn', required: true, half: true },
    { key: 'ends_on', kind: 'date', label: 'cadres.postings.endsOn', required: true, half: true },
    { key: 'tasks', kind: 'textarea', label: 'cadres.postings.tasks', required: true, maxlength: 500 },
  ],
};

export function newPosting(m: PlanModel): NewPosting {
  return {
    person_id: m.person_id ?? 0,
    host_organization_id: m.host_organization_id ?? 0,
    starts_on: m.starts_on,
    ends_on: m.ends_on,
    tasks: m.tasks.trim(),
  };
}

export interface LogModel {
  worked_on: string;
  hours: number;
  what: string;
}

export const LOG_DIALOG: FormDialogSpec<LogModel> = {
  testid: 'posting-log-dialog',
  fieldTestidPrefix: 'posting-log-',
  fields: [
    { key: 'worked_on', kind: 'date', label: 'cadres.postings.workedOn', required: true },
    { key: 'hours', kind: 'number', label: 'cadres.postings.hours', required: true, attrs: { min: 0.5, max: 24, step: 0.5 } },
    { key: 'what', kind: 'textarea', label: 'cadres.postings.what', required: true, maxlength: 200, hint: 'cadres.postings.whatHint' },
  ],
};

export function newPostingLog(m: LogModel): NewPostingLog {
  return { worked_on: m.worked_on, minutes: Math.round(m.hours * 60), what: m.what.trim() };
}

export const REPORT_DIALOG: FormDialogSpec<{ report: string }> = {
  testid: 'posting-report-dialog',
  fieldTestidPrefix: 'posting-report-',
  fields: [{ key: 'report', kind: 'textarea', label: 'cadres.postings.report', required: true, maxlength: 2000, attrs: { rows: 6 } }],
};

/** Months served on postings per child organization (30-day months). */
export function postingsChart(d: Dashboard, t: (key: string) => string) {
  const children = d.children.filter((c) => c.figures.cadres > 0);
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: children.map((c) => c.short_name ?? c.name) },
    yAxis: { type: 'value' },
    series: [{ name: t('cadres.postings.chartMonths'), type: 'bar', data: children.map((c) => monthsServed(c.figures.posting_days)) }],
  };
}

// "4+1" served units: the cadre's cards, the unit's confirmations queue, the committee's summary.
export const SERVED_UNIT_COLUMNS: Column<ServedUnit>[] = [
  { key: 'unit_name', label: 'cadres.units.unit', text: (u) => u.unit_name, card: 'title', minWidth: 150, testid: 'unit-name' },
  {
    key: 'status',
    label: 'cadres.columns.status',
    text: (u, t) => t(`cadres.units.status.${u.status}`),
    tag: (u) => (u.status === 'active' ? 'success' : 'info'),
    card: 'head',
    width: 90,
  },
  {
    key: 'year',
    label: 'cadres.units.year',
    text: (u, t) =>
      t('cadres.units.yearSummary', { n: u.year.services, hours: hours(u.year.confirmed_minutes), pending: u.year.pending, disputed: u.year.disputed }),
    card: 'meta',
    minWidth: 220,
    testid: 'unit-year',
  },
];

export const UNIT_SERVICE_COLUMNS: Column<UnitServiceView>[] = [
  { key: 'cadre', label: 'cadres.columns.cadre', text: (s) => `${s.cadre.name} · ${s.cadre.organization_name}`, card: 'title', minWidth: 160 },
  { key: 'unit', label: 'cadres.units.unit', text: (s) => s.unit_name, card: 'meta', minWidth: 140 },
  { key: 'served_on', label: 'cadres.columns.date', text: (s) => `${s.served_on} · ${hours(s.minutes)}h`, card: 'meta', width: 150 },
  {
    key: 'status',
    label: 'cadres.columns.status',
    text: (s, t) => t(`cadres.units.serviceStatus.${s.status}`),
    tag: (s) => ({ pending: 'warning', confirmed: 'success', disputed: 'danger' } as const)[s.status],
    card: 'head',
    width: 90,
    testid: 'unit-service-status',
  },
  { key: 'what', label: 'cadres.postings.what', text: (s) => s.what + (s.dispute_reason ? ` (${s.dispute_reason})` : ''), card: 'text', minWidth: 220 },
];

type OverviewCadre = ServedUnitsOverview['cadres'][number];
type OverviewUnit = ServedUnitsOverview['units'][number];
const summaryColumns = <T extends { services: number; confirmed_minutes: number; pending: number; disputed: number }>(): Column<T>[] => [
  { key: 'services', label: 'cadres.units.services', text: (r) => String(r.services), card: 'meta', width: 100 },
  { key: 'hours', label: 'cadres.units.confirmedHours', text: (r) => hours(r.confirmed_minutes), card: 'meta', width: 120 },
  { key: 'pending', label: 'cadres.units.serviceStatus.pending', text: (r) => String(r.pending), width: 90 },
  { key: 'disputed', label: 'cadres.units.serviceStatus.disputed', text: (r) => String(r.disputed), width: 90 },
];
export const OVERVIEW_CADRE_COLUMNS: Column<OverviewCadre>[] = [
  { key: 'cadre', label: 'cadres.columns.cadre', text: (r) => r.cadre.name, card: 'title', minWidth: 110 },
  { key: 'organization', label: 'cadres.columns.organization', text: (r) => r.cadre.organization_name, card: 'meta', minWidth: 150 },
  { key: 'units', label: 'cadres.units.unitsServed', text: (r) => String(r.units), card: 'meta', width: 100 },
  ...summaryColumns<OverviewCadre>(),
];
export const OVERVIEW_UNIT_COLUMNS: Column<OverviewUnit>[] = [
  { key: 'unit', label: 'cadres.units.unit', text: (r) => r.unit_name, card: 'title', minWidth: 150, testid: 'overview-unit' },
  { key: 'cadres', label: 'cadres.units.cadresServing', text: (r) => String(r.cadres), card: 'meta', width: 110 },
  ...summaryColumns<OverviewUnit>(),
];

export interface RegisterUnitModel {
  unit_id: number | null;
}
export const REGISTER_UNIT_DIALOG: FormDialogSpec<RegisterUnitModel> = {
  testid: 'unit-register-dialog',
  fieldTestidPrefix: 'unit-register-',
  submitLabel: 'cadres.units.register',
  fields: [
    {
      key: 'unit_id',
      kind: 'search',
      label: 'cadres.units.unit',
      required: true,
      placeholder: 'cadres.units.unitPlaceholder',
      hint: 'cadres.units.unitHint',
      search: async (q) =>
        q.trim() ? (await searchOrganizations(q.trim(), { limit: 20 })).items.map((o) => ({ value: o.id, text: o.name })) : [],
    },
  ],
};

export interface ServiceModel {
  served_on: string;
  hours: number;
  what: string;
}
export const SERVICE_DIALOG: FormDialogSpec<ServiceModel> = {
  testid: 'unit-service-dialog',
  fieldTestidPrefix: 'unit-service-',
  fields: [
    { key: 'served_on', kind: 'date', label: 'cadres.columns.date', required: true },
    { key: 'hours', kind: 'number', label: 'cadres.postings.hours', required: true, attrs: { min: 0.5, max: 24, step: 0.5 } },
    { key: 'what', kind: 'textarea', label: 'cadres.postings.what', required: true, maxlength: 200, hint: 'cadres.postings.whatHint' },
  ],
};
export function newUnitService(unitId: number, m: ServiceModel): NewUnitService {
  return { unit_id: unitId, served_on: m.served_on, minutes: Math.round(m.hours * 60), what: m.what.trim() };
}

export const DISPUTE_DIALOG: FormDialogSpec<{ reason: string }> = {
  testid: 'unit-dispute-dialog',
  fieldTestidPrefix: 'unit-dispute-',
  submitLabel: 'cadres.units.dispute',
  fields: [{ key: 'reason', kind: 'textarea', label: 'cadres.units.reason', required: true, maxlength: 200 }],
};

export const CANCEL_POSTING_DIALOG: FormDialogSpec<{ reason: string }> = {
  testid: 'posting-cancel-dialog',
  fieldTestidPrefix: 'posting-cancel-',
  submitLabel: 'cadres.postings.cancel',
  fields: [
    {
      key: 'reason',
      kind: 'textarea',
      label: 'cadres.postings.cancelReason',
      required: true,
      maxlength: 200,
      check: { message: 'cadres.postings.cancelReasonRequired', whitespace: true },
    },
  ],
};

/** Confirmed hours per unit of the subtree (the year's summary). */
export function unitsChart(o: ServedUnitsOverview, t: (key: string) => string) {
  return {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: o.units.map((u) => u.unit_name) },
    yAxis: { type: 'value' },
    series: [{ name: t('cadres.units.confirmedHours'), type: 'bar', data: o.units.map((u) => Number(hours(u.confirmed_minutes))) }],
  };
}
