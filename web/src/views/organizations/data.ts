import type { EChartsCoreOption } from 'echarts/core';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SETTINGS,
  type ChildCoverage,
  type CoverageUnit,
  type ListedCoverageUnit,
  type NewOrganization,
  type Organization,
  type OrganizationInput,
  type OrganizationStats,
  type StatFigures,
} from '@/api/organizations';
import type { Column, Translate } from '@/components/dataList';
import { optionsOf, type FormDialogSpec, type FormField } from '@/components/formFields';

export interface StatCard {
  key: string;
  labelKey: string;
  value: string;
  self: string;
}

/** A coverage rate (0..1 or null) as a percentage for display. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The stat cards: rolled-up (subtree) figures with the organization's own figures beside. */
export function statCards(stats: OrganizationStats): StatCard[] {
  const s = stats.subtree;
  const o = stats.self;
  const count = (f: StatFigures, k: 'members' | 'cadres' | 'youth' | 'organizations') => String(num(f[k]));
  return [
    { key: 'members', labelKey: 'organizations.stats.members', value: count(s, 'members'), self: count(o, 'members') },
    { key: 'cadres', labelKey: 'organizations.stats.cadres', value: count(s, 'cadres'), self: count(o, 'cadres') },
    { key: 'youth', labelKey: 'organizations.stats.youth', value: count(s, 'youth'), self: count(o, 'youth') },
    {
      key: 'organizations',
      labelKey: 'organizations.stats.organizations',
      value: count(s, 'organizations'),
      self: count(o, 'organizations'),
    },
    {
      key: 'coverage',
      labelKey: 'organizations.stats.coverage',
      value: formatRate(s.coverage?.rate),
      self: `${num(s.coverage?.covered)}/${num(s.coverage?.units)}`,
    },
  ];
}

export function peopleChartOption(stats: OrganizationStats, t: Translate): EChartsCoreOption {
  const keys = ['members', 'cadres', 'youth'] as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: keys.map((k) => t(`organizations.stats.${k}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('organizations.stats.subtree'), type: 'bar', data: keys.map((k) => num(stats.subtree[k])) },
      { name: t('organizations.stats.self'), type: 'bar', data: keys.map((k) => num(stats.self[k])) },
    ],
  };
}

export function kindChartOption(stats: OrganizationStats, t: Translate): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{c}' },
        data: ORGANIZATION_KINDS.map((k) => ({
          name: t(`organizations.kinds.${k}`),
          value: num(stats.subtree.by_kind?.[k]),
        })).filter((d) => d.value > 0),
      },
    ],
  };
}

export function coverageChartOption(stats: OrganizationStats, t: Translate): EChartsCoreOption {
  const units = num(stats.subtree.coverage?.units);
  const covered = num(stats.subtree.coverage?.covered);
  if (units === 0) {
    // No units recorded: an empty grey ring that says so, not a half-red donut.
    return {
      color: ['#dcdfe6'],
      series: [
        {
          type: 'pie',
          radius: ['45%', '65%'],
          silent: true,
          label: { show: true, position: 'center', formatter: () => t('organizations.coverage.noData') },
          data: [{ name: t('organizations.coverage.noData'), value: 1 }],
        },
      ],
    };
  }
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    color: ['#c8161d', '#dcdfe6'],
    series: [
      {
        type: 'pie',
        radius: ['45%', '65%'],
        label: { show: true, position: 'center', formatter: () => formatRate(stats.subtree.coverage?.rate) },
        data: [
          { name: t('organizations.coverage.covered'), value: covered },
          { name: t('organizations.coverage.uncovered'), value: Math.max(0, units - covered) },
        ],
      },
    ],
  };
}

/** The organization form's model: strings everywhere, '' for an empty optional field. */
export interface OrganizationFormModel {
  name: string;
  short_name: string;
  kind: Organization['kind'];
  setting: Organization['setting'];
  region_code: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  founded_on: string;
}

export const OPTIONAL_ORG_FIELDS = [
  'short_name',
  'region_code',
  'address',
  'contact_name',
  'contact_phone',
  'founded_on',
] as const;

/** The organization form's fields (data-testid org-field-<key>). */
export const ORGANIZATION_FIELDS: FormField<OrganizationFormModel>[] = [
  { key: 'name', kind: 'text', label: 'organizations.fields.name', required: true, maxlength: 100 },
  { key: 'short_name', kind: 'text', label: 'organizations.fields.short_name', maxlength: 30 },
  {
    key: 'kind',
    kind: 'select',
    label: 'organizations.fields.kind',
    required: true,
    half: true,
    options: optionsOf(ORGANIZATION_KINDS, 'organizations.kinds.'),
  },
  {
    key: 'setting',
    kind: 'select',
    label: 'organizations.fields.setting',
    required: true,
    half: true,
    options: optionsOf(ORGANIZATION_SETTINGS, 'organizations.settings.'),
  },
  { key: 'region_code', kind: 'text', label: 'organizations.fields.region_code', half: true, maxlength: 6, inputmode: 'numeric' },
  { key: 'founded_on', kind: 'date', label: 'organizations.fields.founded_on', half: true },
  { key: 'address', kind: 'text', label: 'organizations.fields.address', maxlength: 200 },
  { key: 'contact_name', kind: 'text', label: 'organizations.fields.contact_name', half: true, maxlength: 50 },
  { key: 'contact_phone', kind: 'text', label: 'organizations.fields.contact_phone', half: true, inputmode: 'tel' },
];

export const ORGANIZATION_DIALOG: FormDialogSpec<OrganizationFormModel> = {
  fields: ORGANIZATION_FIELDS,
  testid: 'organization-form',
  submitTestid: 'org-form-submit',
  fieldTestidPrefix: 'org-field-',
};

export function emptyOrganizationForm(): OrganizationFormModel {
  return {
    name: '',
    short_name: '',
    kind: 'branch',
    setting: 'community',
    region_code: '',
    address: '',
    contact_name: '',
    contact_phone: '',
    founded_on: '',
  };
}

export function organizationToForm(org: Organization): OrganizationFormModel {
  const form = emptyOrganizationForm();
  form.name = org.name;
  form.kind = org.kind;
  form.setting = org.setting;
  for (const k of OPTIONAL_ORG_FIELDS) form[k] = org[k] ?? '';
  return form;
}

/** POST body of a new organization under `parentId`: trimmed, empty optional fields left out. */
export function newOrganization(form: OrganizationFormModel, parentId: number | null): NewOrganization {
  const input: NewOrganization = { parent_id: parentId, name: form.name.trim(), kind: form.kind, setting: form.setting };
  for (const k of OPTIONAL_ORG_FIELDS) {
    const value = form[k].trim();
    if (value) input[k] = value;
  }
  return input;
}

/**
 * PATCH body: only the fields that changed, '' sent as null for optional fields (so a masked
 * contact phone is never sent back as a new value).
 */
export function organizationChanges(form: OrganizationFormModel, original: Organization): OrganizationInput {
  const input: OrganizationInput = {};
  const name = form.name.trim();
  if (name !== original.name) input.name = name;
  if (form.kind !== original.kind) input.kind = form.kind;
  if (form.setting !== original.setting) input.setting = form.setting;
  for (const k of OPTIONAL_ORG_FIELDS) {
    const value = form[k].trim() || null;
    if (value !== (original[k] ?? null)) input[k] = value;
  }
  return input;
}

/** The children list: a table on a desk, cards on a phone. */
export const CHILD_COLUMNS: Column<Organization>[] = [
  {
    key: 'name',
    label: 'organizations.fields.name',
    text: (o) => o.name,
    to: (o) => `/app/organizations/${o.id}`,
    minWidth: 240,
    card: 'title',
  },
  { key: 'kind', label: 'organizations.fields.kind', text: (o, t) => t(`organizations.kinds.${o.kind}`), minWidth: 120, card: 'meta' },
  {
    key: 'setting',
    label: 'organizations.fields.setting',
    text: (o, t) => t(`organizations.settings.${o.setting}`),
    minWidth: 140,
    card: 'meta',
  },
  { key: 'status', label: 'organizations.fields.status', text: (o, t) => t(`organizations.status.${o.status}`), width: 100, card: 'none' },
];

export type CoveredFilter = 'all' | 'covered' | 'uncovered';

/** The `covered` query value of a filter choice (undefined: all units). */
export function coveredFilterValue(filter: CoveredFilter): 'true' | 'false' | undefined {
  return filter === 'all' ? undefined : filter === 'covered' ? 'true' : 'false';
}

/** Whose units the coverage list shows: the organization's own, or its whole subtree's. */
export type CoverageScope = 'own' | 'subtree';

/** Coverage units; `status` (covered or not, and by whom) is drawn by the screen. Across a
 * subtree each unit also names the organization it is registered at. */
export const COVERAGE_COLUMNS: Column<ListedCoverageUnit, { subtree: boolean }>[] = [
  { key: 'name', label: 'organizations.coverage.name', text: (u) => u.name, minWidth: 200, card: 'title' },
  {
    key: 'organization',
    label: 'organizations.coverage.registeredAt',
    text: (u) => u.organization_name,
    to: (u) => `/app/organizations/${u.organization_id}`,
    minWidth: 180,
    when: (c) => c.subtree,
  },
  { key: 'kind', label: 'organizations.fields.kind', text: (u, t) => t(`organizations.unitKinds.${u.kind}`), minWidth: 120, card: 'meta' },
  { key: 'young_employees', label: 'organizations.coverage.youngEmployees', text: (u) => u.young_employees, width: 110 },
  { key: 'status', label: 'organizations.coverage.status', minWidth: 220, card: 'text' },
];

/** A coverage unit as the form edits it (register or change; linking is the picker's). */
export interface CoverageUnitFormModel {
  name: string;
  kind: CoverageUnit['kind'] | '';
  young_employees: number | null;
}

export const COVERAGE_UNIT_KINDS: readonly CoverageUnit['kind'][] = ['non_public_enterprise', 'industrial_park', 'social_organization'];

/** The coverage unit form's fields (data-testid coverage-unit-<key>). */
export const COVERAGE_UNIT_DIALOG: FormDialogSpec<CoverageUnitFormModel> = {
  fields: [
    { key: 'name', kind: 'text', label: 'organizations.coverage.name', required: true, maxlength: 100 },
    {
      key: 'kind',
      kind: 'radio',
      label: 'organizations.fields.kind',
      required: true,
      options: optionsOf(COVERAGE_UNIT_KINDS, 'organizations.unitKinds.', 'coverage-unit-kind-'),
    },
    { key: 'young_employees', kind: 'number', label: 'organizations.coverage.youngEmployees', attrs: { min: 0 } },
  ],
  testid: 'coverage-unit-form',
  fieldTestidPrefix: 'coverage-unit-',
  width: 'min(520px, 96vw)',
};

export function coverageUnitToForm(u: CoverageUnit | null): CoverageUnitFormModel {
  return u ? { name: u.name, kind: u.kind, young_employees: u.young_employees } : { name: '', kind: '', young_employees: null };
}

/** The body of POST …/coverage-units or PATCH /coverage-units/{id}: the form's fields (the server checks them). */
export function coverageUnitInput(m: CoverageUnitFormModel): { name: string; kind: CoverageUnit['kind']; young_employees?: number } {
  const input: { name: string; kind: CoverageUnit['kind']; young_employees?: number } = {
    name: m.name.trim(),
    kind: m.kind as CoverageUnit['kind'],
  };
  if (m.young_employees !== null && m.young_employees !== undefined) input.young_employees = m.young_employees;
  return input;
}

/** The per-child coverage table, in the server's order (least covered first, no units last). */
export const CHILD_COVERAGE_COLUMNS: Column<ChildCoverage>[] = [
  { key: 'name', label: 'organizations.fields.name', text: (r) => r.name, to: (r) => `/app/organizations/${r.id}`, minWidth: 180, card: 'title' },
  { key: 'units', label: 'organizations.coverage.units', text: (r) => r.units, width: 100, card: 'meta' },
  { key: 'covered', label: 'organizations.coverage.covered', text: (r) => r.covered, width: 100, card: 'meta' },
  { key: 'uncovered', label: 'organizations.coverage.uncovered', text: (r) => r.uncovered, width: 100, card: 'meta' },
  { key: 'rate', label: 'organizations.coverage.rate', text: (r) => formatRate(r.rate), width: 100, card: 'head', testid: 'child-coverage-rate' },
];
