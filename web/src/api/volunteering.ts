// The volunteering module's calls and types (server/src/modules/volunteering/openapi.json).
// Request bodies, queries and closed lists come from the generated schema; the fragment does
// not describe its answers yet, so their interfaces are written here until it does.
import { API_BASE, get, post } from './request';
import type { Body, Page, Query } from './types';

type V1 = '/api/v1/volunteering';
export type ProjectStatus = Body<`${V1}/projects/{id}/status`, 'post'>['status'];
export type ProjectCategory = NonNullable<Body<`${V1}/projects`, 'post'>['category']>;
export type SignUpStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type Direction = 'in' | 'out';
export type { Page };

export interface Minutes {
  minutes: number;
  hours: number;
}

export interface Team {
  id: number;
  organization_id: number;
  name: string;
  description: string | null;
  partner_name: string | null;
  status: string;
  created_at: string;
}

export interface Project {
  id: number;
  organization_id: number;
  team_id: number | null;
  team_name: string | null;
  title: string;
  description: string | null;
  category: ProjectCategory;
  brand: string | null;
  location: string | null;
  venue_id: number | null;
  contact: string | null;
  visibility: 'public' | 'members';
  status: ProjectStatus;
  created_at: string;
  updated_at: string;
}

export interface Shift {
  id: number;
  project_id: number;
  starts_at: string;
  ends_at: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  seats_left: number;
  role: string | null;
  requirements: string | null;
  min_age: number | null;
  status: 'open' | 'cancelled';
}

export interface ProjectDetail {
  project: Project;
  can_manage: boolean;
  shifts: Shift[];
}

export interface SignUp {
  id: number;
  shift_id: number;
  person_id?: number;
  name?: string;
  status: SignUpStatus;
  waitlist_position: number | null;
  guardian_consent: boolean;
  starts_at: string;
  ends_at: string;
  created_at: string;
}

export interface Attendance {
  id: number;
  sign_up_id: number;
  checked_in_at: string;
  checked_out_at: string | null;
  in_method: string;
  out_method: string | null;
  hours_confirmed: boolean;
  ledger_entry_id: number | null;
}

export interface MySignUp {
  sign_up: SignUp;
  shift: Shift;
  project_id: number;
  project_title: string;
  attendance: Attendance | null;
}

export interface RosterLine {
  sign_up: SignUp;
  attendance: Attendance | null;
}

export interface Roster {
  shift: Shift;
  project: Project;
  items: RosterLine[];
}

export interface CheckInCode {
  shift_id: number;
  direction: Direction;
  token: string;
  url: string;
  expires_at: string;
  svg: string;
}

export interface AttendanceResult {
  attendance: Attendance | null;
  changed: boolean;
}

export type GuardianConsent = NonNullable<Body<`${V1}/shifts/{id}/sign-ups`, 'post'>['guardian_consent']>;

export interface LedgerEntry extends Minutes {
  id: number;
  person_id: number;
  organization_id: number;
  project_id: number | null;
  team_id: number | null;
  shift_id: number | null;
  kind: 'session' | 'report' | 'adjustment' | 'reversal' | 'correction';
  raw_minutes: number | null;
  hours_rule: string | null;
  worked_at: string;
  month: string;
  reason: string | null;
  reverses_id: number | null;
  created_at: string;
}

export interface HourReport extends Minutes {
  id: number;
  person_id: number;
  name: string;
  team_id: number;
  project_id: number | null;
  worked_on: string;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  decision_reason: string | null;
  ledger_entry_id: number | null;
  created_at: string;
}

export interface MyHours {
  total: Minutes;
  items: LedgerEntry[];
  next_cursor: string | null;
  reports: HourReport[];
}

export type HourReportInput = Body<`${V1}/hours/reports`, 'post'>;
export type AttendanceFix = Body<`${V1}/sign-ups/{id}/attendance`, 'post'>;
export type HourDecision = Body<`${V1}/hours/reports/{id}/decision`, 'post'>['decision'];

export interface CertificateBody extends Minutes {
  code: string;
  name: string;
  projects: Array<{ title: string } & Minutes>;
  issued_on: string;
}

export interface Certificate {
  id: number;
  certificate: CertificateBody;
  pdf_url: string;
  verify_url: string;
}

export interface Period {
  from?: string;
  to?: string;
}

export interface RankingRow extends Minutes {
  rank: number;
  person_id?: number;
  team_id?: number;
  name: string;
}

export interface Ranking {
  from: string;
  to: string;
  items: RankingRow[];
  next_cursor: string | null;
}

export interface MonthlyHours {
  from: string;
  to: string;
  items: Array<{ month: string } & Minutes>;
}

export type ProjectFilter = Omit<Query<`${V1}/projects`, 'get'>, 'cursor'> & { cursor?: string | null };

const V = '/volunteering';

export const listProjects = (filter: ProjectFilter = {}) => get<Page<Project>>(`${V}/projects`, { query: filter });
export const getProject = (id: number) => get<ProjectDetail>(`${V}/projects/${id}`);
export const getTeam = (id: number) => get<Team>(`${V}/teams/${id}`);

/** Takes a seat or a waitlist place; the same key always answers the same sign-up. */
export const signUp = (shiftId: number, idempotencyKey: string, consent?: GuardianConsent) =>
  post<SignUp>(`${V}/shifts/${shiftId}/sign-ups`, consent ? { guardian_consent: consent } : {}, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
export const cancelSignUp = (signUpId: number) =>
  post<{ sign_up: SignUp; promoted: boolean }>(`${V}/sign-ups/${signUpId}/cancel`);
export const listMySignUps = (cursor?: string | null) =>
  get<Page<MySignUp>>(`${V}/my/sign-ups`, { query: { cursor, limit: 50 } });

export const getRoster = (shiftId: number) => get<Roster>(`${V}/shifts/${shiftId}/roster`);
export const getCheckInCode = (shiftId: number, direction: Direction) =>
  get<CheckInCode>(`${V}/shifts/${shiftId}/check-in-code`, { query: { direction } });
export const checkInWithToken = (shiftId: number, direction: Direction, token: string) =>
  post<AttendanceResult>(`${V}/shifts/${shiftId}/${direction === 'in' ? 'check-in' : 'check-out'}`, {
    token,
  });
export const recordAttendance = (signUpId: number, fix: AttendanceFix) => post<AttendanceResult>(`${V}/sign-ups/${signUpId}/attendance`, fix);
export const confirmHours = (shiftId: number, signUpIds?: number[]) =>
  post<{ items: LedgerEntry[] }>(
    `${V}/shifts/${shiftId}/confirm-hours`,
    signUpIds ? { sign_up_ids: signUpIds } : {},
  );

export const getMyHours = (cursor?: string | null) =>
  get<MyHours>(`${V}/my/hours`, { query: { cursor, limit: 200 } });
export const reportHours = (input: HourReportInput) => post<HourReport>(`${V}/hours/reports`, input);
export const listHourReports = (teamId: number, status?: string) =>
  get<Page<HourReport>>(`${V}/teams/${teamId}/hour-reports`, { query: { status, limit: 100 } });
export const decideHourReport = (id: number, decision: HourDecision, reason?: string) =>
  post<HourReport>(`${V}/hours/reports/${id}/decision`, reason ? { decision, reason } : { decision });

export const issueCertificate = () => post<Certificate>(`${V}/certificates`);
export const listMyCertificates = () => get<{ items: Certificate[] }>(`${V}/my/certificates`);
/** A plain link: the browser downloads the PDF with the session cookie. */
export const certificatePdfUrl = (id: number) => `${API_BASE}${V}/certificates/${id}/pdf`;

export const rankVolunteers = (organizationId: number, period: Period, cursor?: string | null) =>
  get<Ranking>(`${V}/rankings/volunteers`, {
    query: { organization_id: organizationId, ...period, cursor, limit: 20 },
  });
export const rankTeams = (organizationId: number, period: Period, cursor?: string | null) =>
  get<Ranking>(`${V}/rankings/teams`, {
    query: { organization_id: organizationId, ...period, cursor, limit: 20 },
  });
export const getMonthlyHours = (organizationId: number, period: Period) =>
  get<MonthlyHours>(`${V}/organizations/${organizationId}/monthly-hours`, { query: { ...period } });

/** The organizations module's counters; volunteer.* keys when the server publishes them. */
export const getOrganizationStats = (organizationId: number) =>
  get<Record<string, unknown>>(`/organizations/${organizationId}/stats`);
