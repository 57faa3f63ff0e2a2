// The venues screens' declarations: the lists' columns and the forms' fields, once.
import type { Booking, NewVenue, Venue } from '@/api/venues';
import type { Column, TagType } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export const VENUE_KINDS = ['youth_space', 'youth_home', 'service_station', 'incubation_centre', 'enterprise_centre', 'other'] as const;

/** "2026-06-01T02:00:00.000Z" → "06-01 10:00" in China time (the platform's time zone). */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return d.toISOString().slice(5, 16).replace('T', ' ');
}

export const VENUE_COLUMNS: Column<Venue>[] = [
  { key: 'name', label: 'venues.fields.name', text: (v) => v.name, to: (v) => `/venues/${v.id}`, card: 'title', minWidth: 180, testid: 'venues-name' },
  { key: 'kind', label: 'venues.fields.kind', text: (v, t) => t(`venues.kinds.${v.kind}`), card: 'meta', width: 140 },
  { key: 'address', label: 'venues.fields.address', text: (v) => v.address, minWidth: 200 },
  {
    key: 'approval',
    label: 'venues.fields.requires_approval',
    text: (v, t) => t(v.requires_approval ? 'venues.approval.required' : 'venues.approval.none'),
    card: 'meta',
    width: 120,
  },
];

const STATUS_TAG: Record<string, TagType> = { pending: 'warning', approved: 'success', rejected: 'danger', cancelled: 'info', no_show: 'danger' };

export const BOOKING_COLUMNS: Column<Booking>[] = [
  { key: 'when', label: 'venues.fields.when', text: (b) => `${chinaTime(b.starts_at)}–${chinaTime(b.ends_at).slice(6)}`, card: 'title', width: 150 },
  { key: 'status', label: 'venues.fields.status', text: (b, t) => t(`venues.status.${b.status}`), tag: (b) => STATUS_TAG[b.status] ?? 'info', card: 'head', width: 100, testid: 'booking-status' },
  { key: 'room', label: 'venues.fields.room', text: (b) => `${b.venue_name} · ${b.room_name}`, card: 'meta', minWidth: 200 },
  { key: 'purpose', label: 'venues.fields.purpose', text: (b) => `${b.purpose}（${b.attendees}）`, minWidth: 160 },
  { key: 'booker', label: 'venues.fields.booker', text: (b) => b.booker_name, card: 'meta', width: 140 },
  { key: 'checked_in', label: 'venues.fields.checked_in_at', text: (b) => (b.checked_in_at ? chinaTime(b.checked_in_at) : ''), card: 'meta', width: 120, testid: 'booking-checked-in' },
];

export interface RoomFormModel {
  name: string;
  capacity: number;
  equipment: string;
}

export const ROOM_FIELDS: FormField<RoomFormModel>[] = [
  { key: 'name', kind: 'text', label: 'venues.fields.name', required: true, maxlength: 100 },
  { key: 'capacity', kind: 'number', label: 'venues.rooms.capacity', required: true, attrs: { min: 1 } },
  { key: 'equipment', kind: 'text', label: 'venues.rooms.equipment', maxlength: 500 },
];

export const ROOM_DIALOG: FormDialogSpec<RoomFormModel> = { fields: ROOM_FIELDS, testid: 'room-form', fieldTestidPrefix: 'room-field-' };

/** The form's model of an existing room (editing it). */
export function roomModel(r: { name: string; capacity: number; equipment?: string | null }): RoomFormModel {
  return { name: r.name, capacity: r.capacity, equipment: r.equipment ?? '' };
}

export function roomBody(m: RoomFormModel) {
  return { name: m.name.trim(), capacity: Number(m.capacity), equipment: m.equipment.trim() || null };
}

/** One row of the weekly hours editor and of the dated exceptions (closed: no hours that day). */
export interface HoursRow {
  day: number;
  opens: string;
  closes: string;
}
export interface ExceptionRow {
  date: string;
  closed: boolean;
  opens: string;
  closes: string;
  note: string;
}

export function hoursRows(v: Venue): { hours: HoursRow[]; exceptions: ExceptionRow[] } {
  return {
    hours: v.opening_hours.map((w) => ({ ...w })),
    exceptions: v.exceptions.map((e) => ({ date: e.date, closed: e.opens === null, opens: e.opens ?? '', closes: e.closes ?? '', note: e.note ?? '' })),
  };
}

/** The PUT body: the venue as loaded, with the edited hours and exceptions. */
export function venueWithHours(v: Venue, hours: HoursRow[], exceptions: ExceptionRow[]): NewVenue {
  return {
    name: v.name,
    kind: v.kind as NewVenue['kind'],
    address: v.address,
    latitude: v.latitude,
    longitude: v.longitude,
    facilities: v.facilities,
    contact_name: v.contact_name,
    contact_phone: v.contact_phone,
    requires_approval: v.requires_approval,
    opening_hours: hours.map((h) => ({ day: Number(h.day), opens: h.opens.trim(), closes: h.closes.trim() })),
    exceptions: exceptions.map((e) => ({
      date: e.date.trim(),
      ...(e.closed ? {} : { opens: e.opens.trim(), closes: e.closes.trim() }),
      note: e.note.trim() || null,
    })),
  };
}

export interface CheckInFormModel {
  token: string;
}

export const CHECK_IN_FIELDS: FormField<CheckInFormModel>[] = [
  { key: 'token', kind: 'text', label: 'venues.checkIn.token', required: true, placeholder: 'venues.checkIn.tokenHint', maxlength: 500 },
];

/** The token of a scanned check-in link (…/check-in?token=…), or the text as typed. */
export function tokenOf(scanned: string): string {
  const at = scanned.lastIndexOf('token=');
  return (at < 0 ? scanned : scanned.slice(at + 6)).trim();
}

export interface VenueFormModel {
  name: string;
  kind: string;
  address: string;
  opens: string;
  closes: string;
  requires_approval: boolean;
}

export const VENUE_FIELDS: FormField<VenueFormModel>[] = [
  { key: 'name', kind: 'text', label: 'venues.fields.name', required: true, maxlength: 100 },
  { key: 'kind', kind: 'select', label: 'venues.fields.kind', required: true, options: VENUE_KINDS.map((k) => ({ value: k, label: `venues.kinds.${k}` })) },
  { key: 'address', kind: 'text', label: 'venues.fields.address', required: true, maxlength: 200 },
  { key: 'opens', kind: 'text', label: 'venues.fields.opens', required: true, half: true, placeholder: 'venues.clockHint' },
  { key: 'closes', kind: 'text', label: 'venues.fields.closes', required: true, half: true, placeholder: 'venues.clockHint' },
  { key: 'requires_approval', kind: 'checkbox', label: 'venues.fields.requires_approval' },
];

export const VENUE_DIALOG: FormDialogSpec<VenueFormModel> = { fields: VENUE_FIELDS, testid: 'venues-form', fieldTestidPrefix: 'venues-field-' };

export function emptyVenueForm(): VenueFormModel {
  return { name: '', kind: 'youth_space', address: '', opens: '09:00', closes: '21:00', requires_approval: true };
}

/** The POST body: the same hours every day of the week (finer hours are set through the API). */
export function newVenue(form: VenueFormModel): NewVenue {
  return {
    name: form.name.trim(),
    kind: form.kind as NewVenue['kind'],
    address: form.address.trim(),
    requires_approval: form.requires_approval,
    opening_hours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: form.opens.trim(), closes: form.closes.trim() })),
  };
}

export interface BookingFormModel {
  room_id: number | '';
  date: string;
  from: string;
  to: string;
  purpose: string;
  attendees: number;
}

export const BOOKING_FIELDS: FormField<BookingFormModel, { rooms: { value: number; text: string }[] }>[] = [
  { key: 'room_id', kind: 'select', label: 'venues.fields.room', required: true, options: (c) => c.rooms },
  // Typed, not picked: a phone keyboard is quicker than a calendar for "tomorrow".
  { key: 'date', kind: 'text', label: 'venues.fields.date', required: true, placeholder: 'venues.dateHint', maxlength: 10 },
  { key: 'from', kind: 'text', label: 'venues.fields.from', required: true, half: true, placeholder: 'venues.clockHint', inputmode: 'numeric' },
  { key: 'to', kind: 'text', label: 'venues.fields.to', required: true, half: true, placeholder: 'venues.clockHint', inputmode: 'numeric' },
  { key: 'purpose', kind: 'text', label: 'venues.fields.purpose', required: true, maxlength: 500 },
  { key: 'attendees', kind: 'number', label: 'venues.fields.attendees', required: true, attrs: { min: 1 } },
];

/** The booking body: China-time date and clock times as the server reads them (no zone: China time). */
export function bookingBody(m: BookingFormModel) {
  return { starts_at: `${m.date}T${m.from.trim()}`, ends_at: `${m.date}T${m.to.trim()}`, purpose: m.purpose.trim(), attendees: Number(m.attendees) };
}
