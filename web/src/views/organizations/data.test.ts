import { describe, expect, it } from 'vitest';
import type { ChildCoverage, ListedCoverageUnit, Organization, OrganizationStats } from '@/api/organizations';
import { columnsFor } from '@/components/dataList';
import {
  coverageChartOption,
  coveredFilterValue,
  formatRate,
  kindChartOption,
  newOrganization,
  organizationChanges,
  organizationToForm,
  statCards,
  COVERAGE_COLUMNS,
  CHILD_COVERAGE_COLUMNS,
  coverageUnitInput,
  coverageUnitToForm,
} from './data';

const figures = (n: number) => ({
  organizations: n,
  by_kind: { committee: 1, working_committee: 0, general_branch: 0, branch: n - 1 },
  members: 10 * n,
  cadres: n,
  youth: 5 * n,
  coverage: { units: 4, covered: 3, rate: 0.75 },
});
// The fragment says further counters are numbers, which a literal with by_kind cannot satisfy.
const stats = { organization_id: 1, self: figures(1), subtree: figures(5) } as unknown as OrganizationStats;
const t = (k: string) => k;

const org: Organization = {
  id: 31,
  parent_id: 7,
  path: '/1/7/31/',
  depth: 2,
  status: 'active',
  created_at: '',
  updated_at: '',
  name: '风云社区团支部',
  short_name: null,
  kind: 'branch',
  setting: 'community',
  region_code: null,
  address: '天山路 1 号',
  contact_name: null,
  contact_phone: '138****5678',
  founded_on: null,
};

describe('organization data', () => {
  it('formats coverage rates', () => {
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });

  it('builds stat cards from rolled-up figures with the own level beside', () => {
    const cards = statCards(stats);
    expect(cards.map((c) => c.key)).toEqual(['members', 'cadres', 'youth', 'organizations', 'coverage']);
    expect(cards[0]).toMatchObject({ value: '50', self: '10' });
    expect(cards[4]).toMatchObject({ value: '75.0%', self: '3/4' });
  });

  it('charts organizations by kind without empty slices and coverage as covered/uncovered', () => {
    const kinds = kindChartOption(stats, t) as { series: { data: { name: string; value: number }[] }[] };
    expect(kinds.series[0].data).toEqual([
      { name: 'organizations.kinds.committee', value: 1 },
      { name: 'organizations.kinds.branch', value: 4 },
    ]);
    const coverage = coverageChartOption(stats, t) as { series: { data: { value: number }[] }[] };
    expect(coverage.series[0].data.map((d) => d.value)).toEqual([3, 1]);
  });

  it('says "no data" for a subtree without coverage units instead of drawing a half-red ring', () => {
    const none = { ...stats, subtree: { ...stats.subtree, coverage: { units: 0, covered: 0, rate: 0 } } } as typeof stats;
    const coverage = coverageChartOption(none, t) as {
      color: string[];
      series: { data: { name: string }[]; label: { formatter: () => string } }[];
    };
    expect(coverage.series[0].data.map((d) => d.name)).toEqual(['organizations.coverage.noData']);
    expect(coverage.series[0].label.formatter()).toBe('organizations.coverage.noData');
    expect(coverage.color).not.toContain('#c8161d');
  });

  it('sends only changed fields on edit, never the masked phone back', () => {
    const form = organizationToForm(org);
    form.address = '';
    form.short_name = '风云';
    expect(organizationChanges(form, org)).toEqual({ address: null, short_name: '风云' });
  });

  it('sends every filled field on create, under its parent', () => {
    const form = organizationToForm(org);
    form.contact_phone = '';
    expect(newOrganization(form, 7)).toEqual({
      parent_id: 7,
      name: '风云社区团支部',
      kind: 'branch',
      setting: 'community',
      address: '天山路 1 号',
    });
  });

  it('maps the coverage filter to the query', () => {
    expect(coveredFilterValue('all')).toBeUndefined();
    expect(coveredFilterValue('uncovered')).toBe('false');
    expect(coveredFilterValue('covered')).toBe('true');
  });
});

describe('coverage by child and the coverage unit form', () => {
  const t = (k: string) => k;

  it('names where each unit is registered only in the subtree-wide list', () => {
    expect(columnsFor(COVERAGE_COLUMNS, { subtree: false }).map((c) => c.key)).not.toContain('organization');
    const subtree = columnsFor(COVERAGE_COLUMNS, { subtree: true });
    const at = subtree.find((c) => c.key === 'organization');
    const unit = { organization_id: 7, organization_name: '天山街道团工委' } as ListedCoverageUnit;
    expect(at?.text?.(unit, t)).toBe('天山街道团工委');
    expect(at?.to?.(unit)).toBe('/app/organizations/7');
  });

  it('shows the per-child figures as the server answers them, a rate only where there are units', () => {
    const row = (rate: number | null) =>
      ({ id: 3, name: '丙', kind: 'committee', units: 4, covered: 1, uncovered: 3, rate }) as ChildCoverage;
    const cell = (key: string, r: ChildCoverage) => CHILD_COVERAGE_COLUMNS.find((c) => c.key === key)?.text?.(r, t);
    expect(cell('uncovered', row(0.25))).toBe(3);
    expect(cell('rate', row(0.25))).toBe('25.0%');
    expect(cell('rate', row(null))).toBe('—');
  });

  it('sends the unit\'s fields, young employees only when given', () => {
    expect(coverageUnitInput({ ...coverageUnitToForm(null), name: ' 示例公司 ', kind: 'industrial_park' })).toEqual({
      name: '示例公司',
      kind: 'industrial_park',
    });
    expect(coverageUnitInput({ name: 'x', kind: 'social_organization', young_employees: 0 })).toEqual({
      name: 'x',
      kind: 'social_organization',
      young_employees: 0,
    });
  });
});
