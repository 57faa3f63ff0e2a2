import type { EChartsCoreOption } from 'echarts/core';
import {
  ORGANIZATION_KINDS,
  type Organization,
  type OrganizationInput,
  type OrganizationStats,
  type StatFigures,
} from '@/api/organizations';

type Translate = (key: string, named?: Record<string, unknown>) => string;

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

/**
 * The request body: trimmed, '' sent as null for optional fields; in edit mode only the
 * fields that changed (so a masked contact phone is never sent back as a new value).
 */
export function organizationInput(form: OrganizationFormModel, original?: Organization): OrganizationInput {
  const input: OrganizationInput = {};
  const name = form.name.trim();
  if (!original || name !== original.name) input.name = name;
  if (!original || form.kind !== original.kind) input.kind = form.kind;
  if (!original || form.setting !== original.setting) input.setting = form.setting;
  for (const k of OPTIONAL_ORG_FIELDS) {
    const value = form[k].trim() || null;
    if (!original) {
      if (value !== null) input[k] = value;
    } else if (value !== (original[k] ?? null)) {
      input[k] = value;
    }
  }
  return input;
}

export type CoveredFilter = 'all' | 'covered' | 'uncovered';

/** The `covered` query value of a filter choice (undefined: all units). */
export function coveredFilterValue(filter: CoveredFilter): boolean | undefined {
  return filter === 'all' ? undefined : filter === 'covered';
}

/** Which actions the account's grants allow on an organization (the server decides; this hides buttons). */
export function organizationAbilities(
  org: Pick<Organization, 'id' | 'path'>,
  grants: { organization_id: number; role: string }[],
) {
  const ancestors = org.path.split('/').filter(Boolean).map(Number);
  const covering = grants.filter((g) => ancestors.includes(g.organization_id) || g.organization_id === org.id);
  const admin = covering.some((g) => g.role === 'committee_admin');
  const secretaryHere = grants.some((g) => g.role === 'branch_secretary' && g.organization_id === org.id);
  const secretary = covering.some((g) => g.role === 'branch_secretary');
  const cadre = covering.some((g) => g.role === 'cadre');
  return {
    edit: admin || secretaryHere,
    admin,
    people: admin || secretary || cadre,
    managePeople: admin || secretary,
    coverage: admin || secretary || cadre,
  };
}
