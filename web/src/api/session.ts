import { del, get, post } from './request';

export const ROLES = ['committee_admin', 'branch_secretary', 'cadre', 'member', 'youth'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: number;
  login: string;
  display_name: string;
}

/** The person record linked to an account; its fields grow with the people module. */
export interface Person {
  id: number;
  name?: string;
  [key: string]: unknown;
}

export interface Grant {
  organization_id: number;
  organization_name: string;
  role: Role;
}

export interface SessionInfo {
  account: Account;
  person: Person | null;
  grants: Grant[];
  csrf_token: string;
}

export interface Credentials {
  /** A login name or a phone number. */
  login: string;
  password: string;
}

export const fetchSession = () => get<SessionInfo>('/session');
export const createSession = (credentials: Credentials) =>
  post<SessionInfo>('/session', credentials);
export const deleteSession = () => del<void>('/session');
