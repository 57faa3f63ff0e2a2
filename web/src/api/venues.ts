// The venues module: venues, rooms, bookings and the public calendar.
// Types from the generated schema (server/src/modules/venues/openapi.json).
import { del, get, post, put } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Venue = Schema<'VenuesVenue'>;
export type Booking = Schema<'VenuesBooking'>;
export type Calendar = Schema<'VenuesCalendar'>;
export type NewVenue = Body<'/api/v1/organizations/{id}/venues', 'post'>;
export type NewBooking = Body<'/api/v1/rooms/{id}/bookings', 'post'>;
export type BookingCode = Answer<'/api/v1/bookings/{id}/check-in-code', 'get'>;
export type BookingVerb = 'approve' | 'reject' | 'cancel' | 'no-show';
export type BookingStatus = NonNullable<ListQuery<'/api/v1/organizations/{id}/bookings'>['status']>;

export const listVenues = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/venues'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/venues', 'get'>>(`/organizations/${organizationId}/venues`, {
    query: { ...query, q: query.q || undefined },
  });
export const listPublicVenues = (query: ListQuery<'/api/v1/venues'> = {}) =>
  get<Answer<'/api/v1/venues', 'get'>>('/venues', { query: { ...query, q: query.q || undefined } });
export const createVenue = (organizationId: number, input: NewVenue) =>
  post<Venue>(`/organizations/${organizationId}/venues`, input);
export const updateVenue = (id: number, input: NewVenue) => put<Venue>(`/venues/${id}`, input);
export const getVenue = (id: number) => get<Venue>(`/venues/${id}`);
export const getCalendar = (id: number, from?: string, days = 7) =>
  get<Calendar>(`/venues/${id}/calendar`, { query: { from, days } });
export const addRoom = (venueId: number, input: Body<'/api/v1/venues/{id}/rooms', 'post'>) =>
  post<Schema<'VenuesRoom'>>(`/venues/${venueId}/rooms`, input);
export type Room = Schema<'VenuesRoom'>;
export type RoomInput = Body<'/api/v1/rooms/{id}', 'put'>;
export const updateRoom = (roomId: number, input: RoomInput) => put<Room>(`/rooms/${roomId}`, input);
/** Removes (archives) a room; 409 naming the upcoming bookings that keep it. */
export const removeRoom = (roomId: number) => del(`/rooms/${roomId}`);
export const bookRoom = (roomId: number, input: NewBooking) => post<Booking>(`/rooms/${roomId}/bookings`, input);
export const listBookings = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/bookings'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/bookings', 'get'>>(`/organizations/${organizationId}/bookings`, { query });
export const listMyBookings = (cursor?: string | null) =>
  get<Answer<'/api/v1/my/bookings', 'get'>>('/my/bookings', { query: { cursor: cursor ?? undefined } });
export const decideBooking = (id: number, verb: BookingVerb, reason?: string) =>
  post<Booking>(`/bookings/${id}/${verb}`, reason ? { reason } : undefined);
export const getBookingCode = (id: number) => get<BookingCode>(`/bookings/${id}/check-in-code`);
/** `token`: the token, or the whole link the QR code holds (as a scanner types it). */
export const checkInBooking = (venueId: number, token: string) => post<Booking>(`/venues/${venueId}/check-in`, { token });
export type VenuePhoto = Schema<'VenuesPhoto'>;
/** Adds a photo (an image, told by its bytes) to a venue; its managers only. */
export const addVenuePhoto = (venueId: number, file: File) =>
  post<VenuePhoto>(`/venues/${venueId}/photos`, file, { query: { name: file.name } });
export const removeVenuePhoto = (venueId: number, key: string) => del(`/venues/${venueId}/photos`, { query: { key } });
