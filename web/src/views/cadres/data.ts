// The cadres screens' declarations: columns of the cadre's contacts and of the committee's
// per-cadre quota status, the interaction and help forms, and the dashboard chart, once.
import type { CadreFiguresRow, Contact, Dashboard, Interaction, NewHelp, NewInteraction } from '@/api/cadres';
import type { Column } from '@/components/dataList';

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
