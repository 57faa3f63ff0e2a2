// The people module: people, memberships, positions, transfers.
// Types from the generated schema (server/src/modules/people/openapi.json).
import { get, patch, post } from './request';
import { searchHeaders } from './search';
import { peoplePositionTitleValues, peopleTransferStatusValues } from './schema';
import type { Answer, Body, ListQuery, Schema } from './types';

export const POSITION_TITLES = peoplePositionTitleValues;
export const TRANSFER_STATUSES = peopleTransferStatusValues;

export type PersonSummary = Schema<'PeoplePersonSummary'>;
/**
 * A person page's answer. `can` (people.update, people.request_correction, …) as the server
 * decides it for the caller; optional here until the people fragment describes it.
 */
export type Person = Schema<'PeoplePerson'> & { can?: Record<string, boolean> };
export type Position = Schema<'PeoplePosition'>;
export type Membership = NonNullable<Person['membership']>;
export type Gender = PersonSummary['gender'];
export type PersonKind = PersonSummary['kind'];
export type PositionTitle = Position['title'];

/**
 * The list's query, and `q`, the search term (a name, or an identity number or phone), which
 * travels in the X-Search-Query header, never in the URL (the server refuses ?q=: URLs are kept
 * by access logs, browser history and proxies; ASVS 8.3.1; `searchHeaders` of api/search.ts).
 */
export type PeopleQuery = ListQuery<'/api/v1/organizations/{id}/people'> & { q?: string };
export type PeopleScope = NonNullable<PeopleQuery['scope']>;

/**
 * POST /people body. The fragment describes it with the answer's PeoplePersonFields, every
 * field required; the server requires name, gender and birth_date and reports a missing gender
 * beside its field (person_handlers.cc), so the form may leave out all but name and birth date.
 */
export type NewPerson = Omit<Body<'/api/v1/people', 'post'>, OptionalOnCreate> &
  Partial<Pick<Body<'/api/v1/people', 'post'>, OptionalOnCreate>>;
type OptionalOnCreate = 'gender' | 'ethnicity' | 'phone' | 'identity_number' | 'education' | 'occupation' | 'employer';
/** PATCH body: null clears an optional field; name and identity number change by correction only. */
export type PersonChanges = Body<'/api/v1/people/{id}', 'patch'>;
export type PositionInput = Body<'/api/v1/people/{id}/positions', 'post'>;

export type Transfer = Schema<'PeopleTransfer'>;
export type TransferStatus = Transfer['status'];
/** Where a pending transfer waits: the sending side releases, then the receiving side accepts. */
export type TransferStage = NonNullable<Transfer['stage']>;
/** The member by id (sending side, the member) or by identity number and name (receiving side). */
export type TransferInput = Body<'/api/v1/transfers', 'post'>;
export type TransfersQuery = ListQuery<'/api/v1/organizations/{id}/transfers'>;

export const listPeople = (organizationId: number, { q, ...query }: PeopleQuery = {}) =>
  get<Answer<'/api/v1/organizations/{id}/people', 'get'>>(`/organizations/${organizationId}/people`, {
    query,
    headers: searchHeaders(q),
  });
export const getPerson = (id: number) => get<Person>(`/people/${id}`);
export const createPerson = (input: NewPerson) => post<Answer<'/api/v1/people', 'post'>>('/people', input);
export const updatePerson = (id: number, input: PersonChanges) => patch<Person>(`/people/${id}`, input);

export const appointPosition = (personId: number, input: PositionInput) =>
  post<Answer<'/api/v1/people/{id}/positions', 'post'>>(`/people/${personId}/positions`, input);
export const endPosition = (positionId: number, endedOn?: string) =>
  post<Answer<'/api/v1/positions/{id}/end', 'post'>>(`/positions/${positionId}/end`, endedOn ? { ended_on: endedOn } : {});

export const startTransfer = (input: TransferInput) => post<Answer<'/api/v1/transfers', 'post'>>('/transfers', input);
export const releaseTransfer = (id: number) => post<Answer<'/api/v1/transfers/{id}/release', 'post'>>(`/transfers/${id}/release`);
export const acceptTransfer = (id: number, branchId: number) =>
  post<Answer<'/api/v1/transfers/{id}/accept', 'post'>>(`/transfers/${id}/accept`, { branch_id: branchId });
export const rejectTransfer = (id: number, reason: string) =>
  post<Answer<'/api/v1/transfers/{id}/reject', 'post'>>(`/transfers/${id}/reject`, { reason });
export const cancelTransfer = (id: number) => post<Answer<'/api/v1/transfers/{id}/cancel', 'post'>>(`/transfers/${id}/cancel`);
export const listTransfers = (organizationId: number, query: TransfersQuery) =>
  get<Answer<'/api/v1/organizations/{id}/transfers', 'get'>>(`/organizations/${organizationId}/transfers`, { query });

/** A correction as listed: identity numbers masked unless the reader sees them in full; `can` approve/reject. */
export type Correction = Schema<'PeopleCorrection'>;
export type CorrectionStatus = Correction['status'];
export const CORRECTION_STATUSES: CorrectionStatus[] = ['pending', 'approved', 'rejected'];
export const listCorrections = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/corrections'>) =>
  get<Answer<'/api/v1/organizations/{id}/corrections', 'get'>>(`/organizations/${organizationId}/corrections`, { query });
export const approveCorrection = (id: number) =>
  post<Answer<'/api/v1/corrections/{id}/approve', 'post'>>(`/corrections/${id}/approve`);
export const rejectCorrection = (id: number, reason: string) =>
  post<Answer<'/api/v1/corrections/{id}/reject', 'post'>>(`/corrections/${id}/reject`, { reason });

/** A correction of name and/or identity number, with its reason (an admin above approves). */
export type CorrectionRequest = Body<'/api/v1/people/{id}/corrections', 'post'>;
export const requestCorrection = (personId: number, input: CorrectionRequest) =>
  post<Answer<'/api/v1/people/{id}/corrections', 'post'>>(`/people/${personId}/corrections`, input);
