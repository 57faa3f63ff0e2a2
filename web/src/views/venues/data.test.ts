import { describe, expect, it } from 'vitest';
import type { Venue } from '@/api/venues';
import { bookingBody, chinaTime, emptyVenueForm, hoursRows, newVenue, roomBody, roomModel, tokenOf, venueWithHours } from './data';
import { answerFields, newService, emptyServiceForm } from '../services/data';

describe('venues data', () => {
  it('shows times in China time and sends China-time bookings', () => {
    expect(chinaTime('2026-06-01T02:00:00.000Z')).toBe('06-01 10:00');
    expect(bookingBody({ room_id: 3, date: '2026-06-01', from: '10:00 ', to: '12:00', purpose: ' 读书会 ', attendees: 4 })).toEqual({
      starts_at: '2026-06-01T10:00',
      ends_at: '2026-06-01T12:00',
      purpose: '读书会',
      attendees: 4,
    });
  });
  it('takes the token out of a scanned check-in link, or the token as typed', () => {
    expect(tokenOf('https://tianshan.example/app/venues/3/check-in?token=12.i.99.abc_-')).toBe('12.i.99.abc_-');
    expect(tokenOf(' 12.i.99.abc ')).toBe('12.i.99.abc');
  });
  it('keeps the venue and sends the edited hours, a closed day without hours', () => {
    const v = {
      id: 1, organization_id: 2, name: '青年之家', kind: 'youth_home', address: '路 1 号', latitude: null, longitude: null,
      facilities: ['Wi-Fi'], contact_name: null, contact_phone: null, requires_approval: true,
      opening_hours: [{ day: 1, opens: '09:00', closes: '12:00' }],
      exceptions: [{ date: '2026-10-01', opens: null, closes: null, note: '国庆' }],
      can: { edit: true, add_room: true, check_in: true },
    } as Venue;
    const rows = hoursRows(v);
    expect(rows.exceptions[0]).toEqual({ date: '2026-10-01', closed: true, opens: '', closes: '', note: '国庆' });
    rows.hours.push({ day: 6, opens: ' 14:00', closes: '18:00 ' });
    rows.exceptions.push({ date: '2026-10-08', closed: false, opens: '10:00', closes: '16:00', note: ' ' });
    const body = venueWithHours(v, rows.hours, rows.exceptions);
    expect(body.name).toBe('青年之家');
    expect(body.facilities).toEqual(['Wi-Fi']);
    expect(body.opening_hours?.[1]).toEqual({ day: 6, opens: '14:00', closes: '18:00' });
    expect(body.exceptions).toEqual([
      { date: '2026-10-01', note: '国庆' },
      { date: '2026-10-08', opens: '10:00', closes: '16:00', note: null },
    ]);
    expect(roomBody({ name: ' 活动室 ', capacity: 12, equipment: '' })).toEqual({ name: '活动室', capacity: 12, equipment: null });
    // Editing a room starts from what it holds, and sends back the same when nothing is changed.
    const room = { id: 4, venue_id: 1, name: '研讨室', capacity: 8, equipment: null, can: { edit: true, remove: true } };
    expect(roomModel(room)).toEqual({ name: '研讨室', capacity: 8, equipment: '' });
    expect(roomBody(roomModel(room))).toEqual({ name: '研讨室', capacity: 8, equipment: null });
  });
  it('opens a new venue every day at the form hours', () => {
    const body = newVenue({ ...emptyVenueForm(), name: ' 青年之家 ', address: '路 1 号' });
    expect(body.name).toBe('青年之家');
    expect(body.opening_hours).toHaveLength(7);
    expect(body.opening_hours?.[6]).toEqual({ day: 7, opens: '09:00', closes: '21:00' });
  });
});

describe('services data', () => {
  it('asks one open question of an application service and none of an enrollment', () => {
    expect(newService({ ...emptyServiceForm(), name: 'x', description: 'y' }, '需要什么？').questions?.[0].key).toBe('need');
    expect(newService({ ...emptyServiceForm(), kind: 'enrollment', name: 'x', description: 'y' }, '?').questions).toBeUndefined();
  });
  it('draws a choice question as a select of its options', () => {
    const [f] = answerFields([{ key: 'stage', label: '阶段', type: 'choice', required: true, options: ['想法', '筹备'] }]);
    expect(f.kind).toBe('select');
    expect(f.options).toEqual([{ value: '想法', text: '想法' }, { value: '筹备', text: '筹备' }]);
  });
});
