// The people module: people, memberships, positions, transfers.
import { get, patch, post } from './request';
import type { Page } from './organizations';

export type Gender = 'male' | 'female';
export type PersonKind = 'member' | 'youth';
export type PeopleScope = 'self' | 'subtree';
export const POSITION_TITLES = ['secretary', 'deputy_secretary', 'committee_member'] as const;
export type PositionTitle = (typeof POSITION_TITLES)[number];
export type Employment = 'full_time' | 'part_time';
export type TransferStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled';

export interface NamedRef {
  id: number;
  name: string;
}

export interface PersonFields {
  name: string;
  gender: Gender;
  birth_date: string;
  ethnicity: string | null;
  /** As the server sends it: masked (139****5678) for readers who may not see it. */
  phone: string | null;
  /** As the server sends it: masked (6501**********1234) for readers who may not see it. */
  identity_number: string | null;
  education: string | null;
  occupation: string | null;
  employer: string | null;
}

export interface Position {
  id: number;
  person_id: number;
  title: PositionTitle;
  employment: Employment;
  started_on: string;
  ended_on: string | null;
  organization: NamedRef;
}

export interface PersonSummary extends PersonFields {
  id: number;
  kind: PersonKind;
  organization: NamedRef;
  masked: boolean;
  position?: Position;
  created_at: string;
  updated_at: string;
}

export interface Membership {
  id: number;
  member_since: string;
  member_number: string | null;
  status: 'active' | 'transferred_out' | 'left';
  organization: NamedRef;
}

export interface Person extends PersonSummary {
  membership: Membership | null;
  positions: Position[];
}

export interface PersonInput {
  name?: string;
  gender?: Gender;
  birth_date?: string;
  ethnicity?: string | null;
  phone?: string | null;
  identity_number?: string | null;
  education?: string | null;
  occupation?: string | null;
  employer?: string | null;
  organization_id?: number;
  membership?: { organization_id: number; member_since: string; member_number?: string };
}

export interface PeopleQuery {
  scope?: PeopleScope;
  kind?: PersonKind | 'cadre';
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** Where a pending transfer waits: the sending side releases, then the receiving side accepts. */
export type TransferStage = 'awaiting_sender' | 'awaiting_receiver';

/** What the caller may do next with a transfer, decided by the server. */
export interface TransferActions {
  release: boolean;
  accept: boolean;
  reject: boolean;
  cancel: boolean;
}

export interface Transfer {
  id: number;
  person: NamedRef;
  from: NamedRef;
  to: NamedRef;
  branch: NamedRef | null;
  status: TransferStatus;
  stage: TransferStage | null;
  initiated_by: 'sending' | 'receiving' | 'member' | null;
  note: string | null;
  reason: string | null;
  created_at: string;
  released_at: string | null;
  decided_at: string | null;
  age_days: number;
  can: TransferActions;
}

/** The member by id (sending side, the member) or by identity number and name (receiving side). */
export interface TransferInput {
  person_id?: number;
  identity_number?: string;
  name?: string;
  to_organization_id: number;
  note?: string;
}

export interface PositionInput {
  organization_id: number;
  title: PositionTitle;
  employment: Employment;
  started_on: string;
}

export const listPeople = (organizationId: number, query: PeopleQuery = {}) =>
  get<Page<PersonSummary>>(`/organizations/${organizationId}/people`, {
    query: { ...query, q: query.q || undefined },
  });
export const getPerson = (id: number) => get<Person>(`/people/${id}`);
export const createPerson = (input: PersonInput) => post<Person>('/people', input);
export const updatePerson = (id: number, input: PersonInput) => patch<Person>(`/people/${id}`, input);

export const appointPosition = (personId: number, input: PositionInput) =>
  post<Position>(`/people/${personId}/positions`, input);
export const endPosition = (positionId: number, endedOn?: string) =>
  post<Position>(`/positions/${positionId}/end`, endedOn ? { ended_on: endedOn } : {});

export const startTransfer = (input: TransferInput) => post<Transfer>('/transfers', input);
export const releaseTransfer = (id: number) => post<Transfer>(`/transfers/${id}/release`);
export const acceptTransfer = (id: number, branchId: number) =>
  post<Transfer>(`/transfers/${id}/accept`, { branch_id: branchId });
export const rejectTransfer = (id: number, reason: string) =>
  post<Transfer>(`/transfers/${id}/reject`, { reason });
export const cancelTransfer = (id: number) => post<Transfer>(`/transfers/${id}/cancel`);
export const listTransfers = (
  organizationId: number,
  query: {
    direction?: 'incoming' | 'outgoing';
    status?: TransferStatus | 'all';
    limit?: number;
    cursor?: string | null;
  } = {},
) => get<Page<Transfer>>(`/organizations/${organizationId}/transfers`, { query });
