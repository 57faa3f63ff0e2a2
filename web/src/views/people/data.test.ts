import { describe, expect, it } from 'vitest';
import type { OrganizationStats } from '@/api/organizations';
import type { Person } from '@/api/people';
import {
  fromIdentity,
  ageLabel,
  createPersonInput,
  defaultScope,
  peopleTotal,
  emptyPersonForm,
  filtersFromQuery,
  filtersToQuery,
  isStale,
  peopleQuery,
  transferStateLabel,
  transferStateTag,
  personToForm,
  updatePersonInput,
  codeName,
  defaultFilters,
  ETHNICITY_CODES,
  type PeopleFilters,
} from './data';

const person: Person = {
  id: 5,
  kind: 'member',
  name: '张示例',
  gender: 'female',
  birth_date: '2000-01-02',
  ethnicity: '01',
  phone: '199****0001',
  identity_number: '6500**********123X',
  education: null,
  occupation: null,
  employer: null,
  organization: { id: 31, name: '风云社区团支部' },
  masked: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  membership: null,
  positions: [],
};

const filters = (f: Partial<PeopleFilters>): PeopleFilters => ({ ...defaultFilters(), ...f });

describe('people data', () => {
  it('builds the list query from filters and a cursor', () => {
    expect(peopleQuery(filters({ q: ' 张 ', kind: 'cadre', scope: 'subtree' }), 'c1')).toEqual({
      scope: 'subtree',
      limit: 50,
      kind: 'cadre',
      q: '张',
      cursor: 'c1',
    });
    expect(peopleQuery(filters({ q: '', kind: '', scope: 'self' }))).toEqual({ scope: 'self', limit: 50 });
  });

  it('filters by 民族 and 学历 codes, which the counters cannot total', () => {
    const f = filters({ ethnicity: '05', education: '20', scope: 'subtree' });
    expect(peopleQuery(f)).toEqual({ scope: 'subtree', limit: 50, ethnicity: '05', education: '20' });
    expect(filtersFromQuery(filtersToQuery(f))).toEqual(f);
    // A code outside the closed lists is dropped from the URL, not sent.
    expect(filtersFromQuery({ ethnicity: '维族', education: '99' })).toEqual(defaultFilters());
    expect(peopleTotal(null, f)).toBeNull();
    expect(ETHNICITY_CODES).toHaveLength(56);
    expect(ETHNICITY_CODES[0]).toBe('01');
    expect(ETHNICITY_CODES[55]).toBe('56');
    const t = (k: string) => `[${k}]`;
    expect(codeName('ethnicities', '05', t)).toBe('[people.ethnicities.05]');
    expect(codeName('educations', '20', t)).toBe('[people.educations.20]');
    // Older free-text values are shown as they are; no value shows nothing.
    expect(codeName('ethnicities', '维族', t)).toBe('维族');
    expect(codeName('educations', null, t)).toBe('');
  });

  it('round-trips filters through the URL, all but the search term', () => {
    const f = filtersFromQuery({ kind: 'youth', scope: 'subtree' });
    expect(filtersToQuery(f)).toEqual({ kind: 'youth', scope: 'subtree' });
    // The term may be an identity number: it stays out of the address bar and browser history.
    expect(filtersToQuery({ ...f, q: '65020319910101103X' })).toEqual({ kind: 'youth', scope: 'subtree' });
    expect(filtersFromQuery({ q: '65020319910101103X' }).q).toBe('');
    expect(filtersFromQuery({ kind: 'bogus' }).kind).toBe('');
    // The scope is always written, so a shared link opens the same list whatever the reader's default.
    expect(filtersToQuery(filtersFromQuery({}, 'subtree'))).toEqual({ scope: 'subtree' });
    expect(filtersFromQuery({ scope: 'self' }, 'subtree').scope).toBe('self');
  });

  it('opens committee roles on the whole subtree, others on their own organization', () => {
    expect(defaultScope(['committee_admin'])).toBe('subtree');
    expect(defaultScope(['branch_secretary', 'committee_admin'])).toBe('subtree');
    expect(defaultScope(['branch_secretary'])).toBe('self');
    expect(defaultScope([])).toBe('self');
  });

  it('counts the people a filter covers from the maintained counters', () => {
    const figures = (members: number, youth: number, cadres: number) => ({
      organizations: 1,
      by_kind: { committee: 0, working_committee: 0, general_branch: 0, branch: 1 },
      members,
      cadres,
      youth,
      coverage: { units: 0, covered: 0, rate: 0 },
    });
    // Other modules' counters ride along in the figures (an index signature the literal lacks).
    const stats = { organization_id: 5, self: figures(2, 1, 1), subtree: figures(1200, 489, 60) } as unknown as OrganizationStats;
    expect(peopleTotal(stats, filters({ q: '', kind: '', scope: 'subtree' }))).toBe(1689);
    expect(peopleTotal(stats, filters({ q: '', kind: 'member', scope: 'subtree' }))).toBe(1200);
    expect(peopleTotal(stats, filters({ q: '', kind: 'youth', scope: 'self' }))).toBe(1);
    expect(peopleTotal(stats, filters({ q: '', kind: 'cadre', scope: 'self' }))).toBe(1);
    expect(peopleTotal(stats, filters({ q: '张', kind: '', scope: 'subtree' }))).toBeNull();
    expect(peopleTotal(null, filters({ q: '', kind: '', scope: 'self' }))).toBeNull();
  });

  it('registers a member with a membership and a young person with an organization', () => {
    const form = { ...emptyPersonForm(), name: '王新', gender: 'male' as const, birth_date: '2001-02-03', identity_number: '65010220010203001x', member_since: '2016-05-04' };
    expect(createPersonInput(form, 31)).toEqual({
      name: '王新',
      gender: 'male',
      birth_date: '2001-02-03',
      identity_number: '65010220010203001X',
      membership: { organization_id: 31, member_since: '2016-05-04' },
    });
    expect(createPersonInput({ ...form, kind: 'youth', identity_number: '' }, 31)).toEqual({
      name: '王新',
      gender: 'male',
      birth_date: '2001-02-03',
      organization_id: 31,
    });
  });

  it('patches only what changed and never sends a masked phone back', () => {
    const form = personToForm(person);
    expect(updatePersonInput(form, person)).toEqual({});
    form.employer = '克拉玛依石化';
    form.ethnicity = '';
    expect(updatePersonInput(form, person)).toEqual({ employer: '克拉玛依石化', ethnicity: null });
  });

  it('labels transfer ages and flags stale ones', () => {
    const t = (k: string, p?: Record<string, unknown>) => `${k}:${p?.n ?? ''}`;
    expect(ageLabel(0, t)).toBe('people.transfers.ageToday:');
    expect(ageLabel(3, t)).toBe('people.transfers.ageDays:3');
    expect(isStale({ status: 'pending', age_days: 20 })).toBe(true);
    expect(isStale({ status: 'accepted', age_days: 20 })).toBe(false);
  });

  it('names the step a pending transfer waits for, or its outcome', () => {
    const t = (k: string) => k;
    expect(transferStateLabel({ status: 'pending', stage: 'awaiting_sender' }, t)).toBe('people.transfers.awaitingSender');
    expect(transferStateLabel({ status: 'pending', stage: 'awaiting_receiver' }, t)).toBe('people.transfers.awaitingReceiver');
    expect(transferStateLabel({ status: 'rejected', stage: null }, t)).toBe('people.transfers.statuses.rejected');
    expect(transferStateTag({ status: 'pending', stage: 'awaiting_sender' })).toBe('warning');
    expect(transferStateTag({ status: 'accepted', stage: null })).toBe('success');
  });

  it('reads the birth date and gender an identity number carries, and nothing from a wrong one', () => {
    expect(fromIdentity('650203200402290029')).toEqual({ birth_date: '2004-02-29', gender: 'female' });
    expect(fromIdentity(' 650203200402290133 ')).toEqual({ birth_date: '2004-02-29', gender: 'male' });
    expect(fromIdentity('650203200302290021')).toBeNull(); // 2003-02-29 is no date
    expect(fromIdentity('650203200402290020')).toBeNull(); // wrong check character
    expect(fromIdentity('6502032004022900')).toBeNull();
  });
});
