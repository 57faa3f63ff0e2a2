// The services module: the public catalog, applications and enrollment.
// Types from the generated schema (server/src/modules/services/openapi.json).
import { API_BASE, download, get, post, put } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Service = Schema<'ServicesService'>;
export type Application = Schema<'ServicesApplication'>;
export type Enrollment = Schema<'ServicesEnrollment'>;
export type Question = Schema<'ServicesQuestion'>;
export type QuestionInput = Schema<'ServicesQuestionInput'>;
export type AnswerFile = Schema<'ServicesFile'>;
export type NewService = Body<'/api/v1/organizations/{id}/services', 'post'>;
export type ApplicationVerb = 'accept' | 'reject' | 'start' | 'complete' | 'withdraw';
export type ApplicationStatus = NonNullable<ListQuery<'/api/v1/organizations/{id}/applications'>['status']>;

export const listServices = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/services'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/services', 'get'>>(`/organizations/${organizationId}/services`, { query });
export const listCatalog = (query: ListQuery<'/api/v1/services'> = {}) =>
  get<Answer<'/api/v1/services', 'get'>>('/services', { query: { ...query, q: query.q || undefined } });
export const createService = (organizationId: number, input: NewService) =>
  post<Service>(`/organizations/${organizationId}/services`, input);
export const getService = (id: number) => get<Service>(`/services/${id}`);
export const applyFor = (serviceId: number, answers: Record<string, string>) =>
  post<Application>(`/services/${serviceId}/applications`, { answers });
export const enroll = (sessionId: number, input: Body<'/api/v1/sessions/{id}/enrollments', 'post'>) =>
  post<Enrollment>(`/sessions/${sessionId}/enrollments`, input);
export const listApplications = (
  organizationId: number,
  query: ListQuery<'/api/v1/organizations/{id}/applications'> = {},
) => get<Answer<'/api/v1/organizations/{id}/applications', 'get'>>(`/organizations/${organizationId}/applications`, { query });
export const listMyApplications = (cursor?: string | null) =>
  get<Answer<'/api/v1/my/applications', 'get'>>('/my/applications', { query: { cursor: cursor ?? undefined } });
export const listMyEnrollments = () => get<Answer<'/api/v1/my/enrollments', 'get'>>('/my/enrollments');
export type Satisfaction = Schema<'ServicesSatisfaction'>;
export const getApplication = (id: number) => get<Application>(`/applications/${id}`);
export const postMessage = (id: number, body: string) => post<Application>(`/applications/${id}/messages`, { body });
export const rateApplication = (id: number, input: Body<'/api/v1/applications/{id}/rating', 'post'>) =>
  post<Application>(`/applications/${id}/rating`, input);
export const getOrganizationSatisfaction = (organizationId: number) =>
  get<Answer<'/api/v1/organizations/{id}/satisfaction', 'get'>>(`/organizations/${organizationId}/satisfaction`);
/** The same figures as an .xlsx download. */
export const exportSatisfaction = (organizationId: number) =>
  download(`/organizations/${organizationId}/satisfaction/export`, {}, 'satisfaction.xlsx');
export const withdrawEnrollment = (id: number) => post<Enrollment>(`/enrollments/${id}/withdraw`);
export const stepApplication = (id: number, verb: ApplicationVerb, reason?: string) =>
  post<Application>(`/applications/${id}/${verb}`, reason ? { reason } : undefined);
/** The form builder: a service's whole list of questions (while nobody has applied). */
export const replaceQuestions = (serviceId: number, questions: QuestionInput[]) =>
  put<Service>(`/services/${serviceId}/questions`, { questions });
/** A file for a file question, before applying; the answer is the returned key. */
export const uploadAnswerFile = (serviceId: number, question: string, file: File) =>
  post<AnswerFile>(`/services/${serviceId}/answer-files`, file, { query: { question, name: file.name } });
/** Where the applicant and the handlers download a file answer (the session cookie goes along). */
export const answerFileUrl = (applicationId: number, key: string) =>
  `${API_BASE}/applications/${applicationId}/files?key=${encodeURIComponent(key)}`;
/** Attendance: a day's sheet of a session (today by default) and its marking, replacing the day. */
export type AttendanceDay = Schema<'ServicesAttendanceDay'>;
export type AttendanceMarks = Body<'/api/v1/sessions/{id}/attendance', 'put'>;
export const getAttendance = (sessionId: number, day?: string) =>
  get<AttendanceDay>(`/sessions/${sessionId}/attendance`, { query: { day: day || undefined } });
export const markAttendance = (sessionId: number, input: AttendanceMarks) =>
  put<AttendanceDay>(`/sessions/${sessionId}/attendance`, input);
/** Enrollment figures: enrolled, waitlisted, attendance rate; per service, or rolled up a subtree. */
export type EnrollmentFigures = Schema<'ServicesEnrollmentFigures'>;
export const getServiceEnrollmentFigures = (serviceId: number) =>
  get<Answer<'/api/v1/services/{id}/enrollment-figures', 'get'>>(`/services/${serviceId}/enrollment-figures`);
export const getOrganizationEnrollmentFigures = (organizationId: number) =>
  get<Answer<'/api/v1/organizations/{id}/enrollment-figures', 'get'>>(`/organizations/${organizationId}/enrollment-figures`);
