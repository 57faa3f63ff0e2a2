import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@/api/cadres';
import { postingFixture } from '@/testing/cadres';
import {
  FIGURES_COLUMNS,
  dashboardChart,
  monthsServed,
  newHelp,
  newInteraction,
  newPosting,
  newPostingLog,
  postingState,
  targetSource,
  targetsBody,
  targetsModel,
} from './data';

const figures = (contacts: number, cadres: number) => ({
  cadres,
  at_quota: 0,
  contacts,
  fields_covered: 0,
  activity_due: 0,
  talk_due: contacts,
  help_open: 0,
  help_overdue: 0,
  postings: 0,
  posted: 0,
  posting_days: 0,
  unreported: 0,
  served_units: 0,
  service_minutes: 0,
});

describe('cadres screen declarations', () => {
  it('sends an interaction for the chosen contacts, a blank summary left out', () => {
    expect(newInteraction({ kind: 'activity', occurred_on: '2026-05-28', summary: '  ' }, [3, 4])).toEqual({
      kind: 'activity',
      occurred_on: '2026-05-28',
      contact_ids: [3, 4],
    });
    expect(newInteraction({ kind: 'talk', occurred_on: '2026-05-28', summary: ' 谈心 ' }, [3]).summary).toBe('谈心');
    expect(newHelp('study', '')).toEqual({ category: 'study' });
  });

  it('charts only the children that have cadres, by short name', () => {
    const d = {
      children: [
        { id: 2, name: '克拉玛依区团委', short_name: '克区', figures: figures(7, 1) },
        { id: 3, name: '白碱滩区团委', short_name: null, figures: figures(0, 0) },
      ],
    } as unknown as Dashboard;
    const option = dashboardChart(d, (k) => k);
    expect(option.xAxis.data).toEqual(['克区']);
    expect(option.series[0].data).toEqual([7]);
    expect(option.series[1].data).toEqual([7]);
  });

  it('shows a cadre row as figures only: no column names a young person', () => {
    expect(FIGURES_COLUMNS.map((c) => c.key)).not.toContain('person_name');
  });
});

describe('targets form', () => {
  const settings = {
    organization_id: 7,
    own: { contact_target: null, posting_months: 3 },
    effective: { contact_target: 80, posting_months: 3, contact_target_from: 2, posting_months_from: 7 },
    defaults: { contact_target: 100, posting_months: 4 },
    can: { update: true },
  };
  it('starts from the own setting, an inherited value empty', () => {
    expect(targetsModel(settings)).toEqual({ contact_target: null, posting_months: 3 });
  });
  it('sends empty values as null, so they inherit', () => {
    expect(targetsBody({ contact_target: null, posting_months: 5 })).toEqual({ contact_target: null, posting_months: 5 });
  });
  it('names where a value in force comes from', () => {
    expect(targetSource(settings, 7)).toBe('cadres.settings.fromHere');
    expect(targetSource(settings, 2)).toBe('cadres.settings.fromAbove');
    expect(targetSource(settings, null)).toBe('cadres.settings.fromDefault');
  });
});

describe('postings', () => {
  const posting = postingFixture;
  it('tells the state from the dates, the report and the confirmation', () => {
    expect(postingState(posting({}), '2026-02-01')).toBe('planned');
    expect(postingState(posting({}), '2026-03-01')).toBe('running');
    expect(postingState(posting({}), '2026-05-01')).toBe('unreported');
    expect(postingState(posting({ report: 'r' }), '2026-05-01')).toBe('reported');
    expect(postingState(posting({ report: 'r', confirmed_at: 1 }), '2026-05-01')).toBe('confirmed');
    expect(postingState(posting({ status: 'cancelled', cancel_reason: 'r', cancelled_at: 1 }), '2026-03-05')).toBe('cancelled');
  });
  it('sends hours as minutes and trims the text', () => {
    expect(newPostingLog({ worked_on: '2026-03-02', hours: 1.5, what: ' 走访 ' })).toEqual({ worked_on: '2026-03-02', minutes: 90, what: '走访' });
    expect(newPosting({ person_id: 4, host_organization_id: 5, starts_on: 'a', ends_on: 'b', tasks: ' x ' })).toEqual({
      person_id: 4,
      host_organization_id: 5,
      starts_on: 'a',
      ends_on: 'b',
      tasks: 'x',
    });
  });
  it('counts 30-day months with one decimal', () => {
    expect(monthsServed(120)).toBe(4);
    expect(monthsServed(61)).toBe(2);
    expect(monthsServed(45)).toBe(1.5);
  });
});
