// The volunteering module: teams, projects and shifts, sign-ups and the waitlist, check-in,
// the hours ledger, self-reports, certificates, rankings.
// Types from the generated schema (server/src/modules/volunteering/openapi.json).
import { API_BASE, get, post } from './request';
import type { Answer, Body, ItemOf, ListQuery, Query, Schema } from './types';

type V1 = '/api/v1/volunteering';
const V = '/volunteering';

export type Team = Schema<'VolunteerTeam'>;
export type Project = Schema<'VolunteerProject'>;
export type ProjectStatus = Project['status'];
export type Shift = Schema<'VolunteerShift'>;
export type SignUp = Schema<'VolunteerSignUp'>;
export type Attendance = Schema<'VolunteerAttendance'>;
export type LedgerEntry = Schema<'VolunteerLedgerEntry'>;
export type HourReport = Schema<'VolunteerHourReport'>;
/** An issued certificate: its body, the PDF and the public verification page. */
export type Certificate = Schema<'VolunteerIssuedCertificate'>;

/** A project page: the project, whether the caller manages it, its shifts. */
export type ProjectDetail = Answer<`${V1}/projects/{id}`, 'get'>;
/** One of my sign-ups with its shift, project and attendance. */
export type MySignUp = ItemOf<`${V1}/my/sign-ups`>;
export type Roster = Answer<`${V1}/shifts/{id}/roster`, 'get'>;
export type RosterLine = Roster['items'][number];
export type CheckInCode = Answer<`${V1}/shifts/{id}/check-in-code`, 'get'>;
export type Direction = CheckInCode['direction'];
export type MyHours = Answer<`${V1}/my/hours`, 'get'>;
export type RankingRow = ItemOf<`${V1}/rankings/volunteers`> | ItemOf<`${V1}/rankings/teams`>;
export type MonthlyHours = Answer<`${V1}/organizations/{id}/monthly-hours`, 'get'>;
/** Months (YYYY-MM) a ranking or a chart covers. */
export type Period = Pick<Query<`${V1}/organizations/{id}/monthly-hours`, 'get'>, 'from' | 'to'>;

export type GuardianConsent = NonNullable<Body<`${V1}/shifts/{id}/sign-ups`, 'post'>['guardian_consent']>;
export type HourReportInput = Body<`${V1}/hours/reports`, 'post'>;
export type AttendanceFix = Body<`${V1}/sign-ups/{id}/attendance`, 'post'>;
export type HourDecision = Body<`${V1}/hours/reports/{id}/decision`, 'post'>['decision'];
export type ProjectFilter = ListQuery<`${V1}/projects`>;

export const listProjects = (filter: ProjectFilter = {}) =>
  get<Answer<`${V1}/projects`, 'get'>>(`${V}/projects`, { query: filter });
export const getProject = (id: number) => get<ProjectDetail>(`${V}/projects/${id}`);
export const getTeam = (id: number) => get<Team>(`${V}/teams/${id}`);

/** Takes a seat or a waitlist place; the same key always answers the same sign-up. */
export const signUp = (shiftId: number, idempotencyKey: string, consent?: GuardianConsent) =>
  post<SignUp>(`${V}/shifts/${shiftId}/sign-ups`, consent ? { guardian_consent: consent } : {}, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
export const cancelSignUp = (signUpId: number) =>
  post<Answer<`${V1}/sign-ups/{id}/cancel`, 'post'>>(`${V}/sign-ups/${signUpId}/cancel`);
export const listMySignUps = (cursor?: string | null) =>
  get<Answer<`${V1}/my/sign-ups`, 'get'>>(`${V}/my/sign-ups`, { query: { cursor, limit: 50 } });

export const getRoster = (shiftId: number) => get<Roster>(`${V}/shifts/${shiftId}/roster`);
export const getCheckInCode = (shiftId: number, direction: Direction) =>
  get<CheckInCode>(`${V}/shifts/${shiftId}/check-in-code`, { query: { direction } });
export const checkInWithToken = (shiftId: number, direction: Direction, token: string) =>
  post<Answer<`${V1}/shifts/{id}/check-in`, 'post'>>(
    `${V}/shifts/${shiftId}/${direction === 'in' ? 'check-in' : 'check-out'}`,
    { token },
  );
export const recordAttendance = (signUpId: number, fix: AttendanceFix) =>
  post<Answer<`${V1}/sign-ups/{id}/attendance`, 'post'>>(`${V}/sign-ups/${signUpId}/attendance`, fix);
export const confirmHours = (shiftId: number, signUpIds?: number[]) =>
  post<Answer<`${V1}/shifts/{id}/confirm-hours`, 'post'>>(
    `${V}/shifts/${shiftId}/confirm-hours`,
    signUpIds ? { sign_up_ids: signUpIds } : {},
  );

export const getMyHours = (cursor?: string | null) => get<MyHours>(`${V}/my/hours`, { query: { cursor, limit: 200 } });
export const reportHours = (input: HourReportInput) => post<HourReport>(`${V}/hours/reports`, input);
export const listHourReports = (teamId: number, status?: string) =>
  get<Answer<`${V1}/teams/{id}/hour-reports`, 'get'>>(`${V}/teams/${teamId}/hour-reports`, {
    query: { status, limit: 100 },
  });
export const decideHourReport = (id: number, decision: HourDecision, reason?: string) =>
  post<HourReport>(`${V}/hours/reports/${id}/decision`, reason ? { decision, reason } : { decision });

export const issueCertificate = () => post<Certificate>(`${V}/certificates`);
export const listMyCertificates = () => get<Answer<`${V1}/my/certificates`, 'get'>>(`${V}/my/certificates`);
/** A plain link: the browser downloads the PDF with the session cookie. */
export const certificatePdfUrl = (id: number) => `${API_BASE}${V}/certificates/${id}/pdf`;

export const rankVolunteers = (organizationId: number, period: Period, cursor?: string | null) =>
  get<Answer<`${V1}/rankings/volunteers`, 'get'>>(`${V}/rankings/volunteers`, {
    query: { organization_id: organizationId, ...period, cursor, limit: 20 },
  });
export const rankTeams = (organizationId: number, period: Period, cursor?: string | null) =>
  get<Answer<`${V1}/rankings/teams`, 'get'>>(`${V}/rankings/teams`, {
    query: { organization_id: organizationId, ...period, cursor, limit: 20 },
  });
export const getMonthlyHours = (organizationId: number, period: Period) =>
  get<MonthlyHours>(`${V}/organizations/${organizationId}/monthly-hours`, { query: { ...period } });

/** The organizations module's counters; volunteer.* keys when the server publishes them. */
export const getOrganizationStats = (organizationId: number) =>
  get<Answer<'/api/v1/organizations/{id}/stats', 'get'>>(`/organizations/${organizationId}/stats`);
