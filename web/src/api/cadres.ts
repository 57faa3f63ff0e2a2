// The cadres module: "1+100" contacts (the cadre's workspace, the young person's 我的团干部) and the
// committee's figures. Types from the generated schema (server/src/modules/cadres/openapi.json).
import { download, get, patch, post, put } from './request';
import { searchHeaders } from './search';
import type { Answer, Body, ListQuery, Schema } from './types';

export type Workspace = Schema<'CadreWorkspace'>;
export type Contact = Schema<'CadreContact'>;
export type Invitation = Schema<'CadreInvitation'>;
export type InvitationOffer = Schema<'CadreInvitationOffer'>;
export type Interaction = Schema<'CadreInteraction'>;
export type HelpRequest = Schema<'CadreHelpRequest'>;
export type Dashboard = Schema<'CadreDashboard'>;
export type CadreFiguresRow = Schema<'CadreFiguresRow'>;
export type TargetSettings = Schema<'CadreTargetSettings'>;
export type TargetSettingsInput = Body<'/api/v1/organizations/{id}/cadres/settings', 'put'>;
export type NewInteraction = Body<'/api/v1/cadres/me/interactions', 'post'>;
export type Consent = Body<'/api/v1/cadres/invitations/{token}/accept', 'post'>;
export type NewHelp = Body<'/api/v1/cadres/contacts/{id}/help-requests', 'post'>;
export type HelpUpdate = Body<'/api/v1/cadres/help-requests/{id}', 'patch'>;

/** The platform's closed lists (server/src/modules/cadres/cadres.h). */
export const FIELDS = ['student', 'employee', 'rural', 'new_sector', 'social_org', 'freelance', 'other'] as const;
export const KINDS = ['activity', 'talk', 'online'] as const;
export const HELP_CATEGORIES = ['employment', 'study', 'mental', 'legal', 'hardship', 'other'] as const;

export const getWorkspace = () => get<Workspace>('/cadres/me');
/**
 * The cadre's contacts, and `q`, part of a young person's name, which travels in the
 * X-Search-Query header, never in the URL (the server refuses ?q=; api/search.ts).
 */
export type ContactsQuery = ListQuery<'/api/v1/cadres/me/contacts'> & { q?: string };
export const listMyContacts = ({ q, ...query }: ContactsQuery = {}) =>
  get<Answer<'/api/v1/cadres/me/contacts', 'get'>>('/cadres/me/contacts', { query, headers: searchHeaders(q) });
export const createInvitation = () => post<Invitation>('/cadres/me/invitations', {});
export const logInteraction = (input: NewInteraction) => post<Interaction>('/cadres/me/interactions', input);
export const listMyHelp = (open: boolean) =>
  get<Answer<'/api/v1/cadres/me/help-requests', 'get'>>('/cadres/me/help-requests', { query: { open } });
export const updateHelp = (id: number, input: HelpUpdate) => patch<HelpRequest>(`/cadres/help-requests/${id}`, input);
export const decideRequest = (id: number, accept: boolean) =>
  post<Contact>(`/cadres/contacts/${id}/${accept ? 'accept' : 'decline'}`);
export const endContact = (id: number) => post<Contact>(`/cadres/contacts/${id}/end`);

export const viewInvitation = (token: string) => get<InvitationOffer>(`/cadres/invitations/${encodeURIComponent(token)}`);
export const acceptInvitation = (token: string, consent: Consent) =>
  post<Contact>(`/cadres/invitations/${encodeURIComponent(token)}/accept`, consent);
export const declineInvitation = (token: string) =>
  post<InvitationOffer>(`/cadres/invitations/${encodeURIComponent(token)}/decline`);
export const getMyCadres = () => get<Answer<'/api/v1/cadres/mine', 'get'>>('/cadres/mine');
export const listMyInteractions = (query: ListQuery<'/api/v1/cadres/mine/interactions'> = {}) =>
  get<Answer<'/api/v1/cadres/mine/interactions', 'get'>>('/cadres/mine/interactions', { query });
export const raiseHelp = (contactId: number, input: NewHelp) =>
  post<HelpRequest>(`/cadres/contacts/${contactId}/help-requests`, input);

export const getDashboard = (organizationId: number) => get<Dashboard>(`/organizations/${organizationId}/cadres/dashboard`);
export const listCadreFigures = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/cadres'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/cadres', 'get'>>(`/organizations/${organizationId}/cadres`, { query });
export const exportCadreFigures = (organizationId: number, quota?: 'at' | 'below') =>
  download(`/organizations/${organizationId}/cadres/export`, { quota }, 'cadres.xlsx');
export const getTargetSettings = (organizationId: number) =>
  get<TargetSettings>(`/organizations/${organizationId}/cadres/settings`);
export const setTargetSettings = (organizationId: number, input: TargetSettingsInput) =>
  put<TargetSettings>(`/organizations/${organizationId}/cadres/settings`, input);

// "8+4" postings.
export type Posting = Schema<'CadrePosting'>;
export type NewPosting = Body<'/api/v1/cadres/postings', 'post'>;
export type NewPostingLog = Body<'/api/v1/cadres/postings/{id}/logs', 'post'>;
export const planPosting = (input: NewPosting) => post<Posting>('/cadres/postings', input);
export const listMyPostings = () => get<Answer<'/api/v1/cadres/me/postings', 'get'>>('/cadres/me/postings');
export const listPostings = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/cadres/postings'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/cadres/postings', 'get'>>(`/organizations/${organizationId}/cadres/postings`, { query });
export const getPosting = (id: number) => get<Posting>(`/cadres/postings/${id}`);
export const logPostingWork = (id: number, input: NewPostingLog) => post<Posting>(`/cadres/postings/${id}/logs`, input);
export const reportPosting = (id: number, report: string) => post<Posting>(`/cadres/postings/${id}/report`, { report });
export const confirmPosting = (id: number) => post<Posting>(`/cadres/postings/${id}/confirm`);
export const cancelPosting = (id: number, reason: string) => post<Posting>(`/cadres/postings/${id}/cancel`, { reason });
export const listHostedPostings = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/cadres/hosted-postings'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/cadres/hosted-postings', 'get'>>(`/organizations/${organizationId}/cadres/hosted-postings`, {
    query,
  });

// "4+1" served units.
export type ServedUnit = Schema<'CadreServedUnit'>;
export type UnitService = Schema<'CadreUnitService'>;
export type UnitServiceView = Schema<'CadreUnitServiceView'>;
export type ServedUnitsOverview = Schema<'CadreServedUnitsOverview'>;
export type NewUnitService = Body<'/api/v1/cadres/me/unit-services', 'post'>;
export type ServiceDecision = Body<'/api/v1/cadres/unit-services/{id}/decision', 'post'>;
export const listMyServedUnits = () => get<Answer<'/api/v1/cadres/me/served-units', 'get'>>('/cadres/me/served-units');
export const registerServedUnit = (unitId: number) => post<ServedUnit>('/cadres/me/served-units', { unit_id: unitId });
export const endServedUnit = (id: number) => post<ServedUnit>(`/cadres/served-units/${id}/end`);
export const logUnitService = (input: NewUnitService) => post<UnitService>('/cadres/me/unit-services', input);
export const listUnitServices = (organizationId: number, query: ListQuery<'/api/v1/organizations/{id}/cadres/unit-services'> = {}) =>
  get<Answer<'/api/v1/organizations/{id}/cadres/unit-services', 'get'>>(`/organizations/${organizationId}/cadres/unit-services`, {
    query,
  });
export const decideUnitService = (id: number, input: ServiceDecision) =>
  post<UnitServiceView>(`/cadres/unit-services/${id}/decision`, input);
export const getServedUnitsOverview = (organizationId: number, year?: number) =>
  get<ServedUnitsOverview>(`/organizations/${organizationId}/cadres/served-units`, { query: { year } });
export const exportServedUnitsOverview = (organizationId: number, year?: number) =>
  download(`/organizations/${organizationId}/cadres/served-units/export`, { year }, 'served-units.xlsx');
