import { describe, expect, it } from 'vitest';
import type { Person } from '@/api/people';
import {
  ageLabel,
  createPersonInput,
  emptyPersonForm,
  filtersFromQuery,
  filtersToQuery,
  isStale,
  peopleQuery,
  transferStateLabel,
  transferStateTag,
  personToForm,
  updatePersonInput,
} from './data';

const person: Person = {
  id: 5,
  kind: 'member',
  name: '张示例',
  gender: 'female',
  birth_date: '2000-01-02',
  ethnicity: '汉族',
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

describe('people data', () => {
  it('builds the list query from filters and a cursor', () => {
    expect(peopleQuery({ q: ' 张 ', kind: 'cadre', scope: 'subtree' }, 'c1')).toEqual({
      scope: 'subtree',
      limit: 50,
      kind: 'cadre',
      q: '张',
      cursor: 'c1',
    });
    expect(peopleQuery({ q: '', kind: '', scope: 'self' })).toEqual({ scope: 'self', limit: 50 });
  });

  it('round-trips filters through the URL', () => {
    const f = filtersFromQuery({ q: '李', kind: 'youth', scope: 'subtree' });
    expect(filtersToQuery(f)).toEqual({ q: '李', kind: 'youth', scope: 'subtree' });
    expect(filtersFromQuery({ kind: 'bogus' }).kind).toBe('');
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
});
