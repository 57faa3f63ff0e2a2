// The session: who is logged in, the person linked to the account, its role grants.
// Types from the generated schema (server/src/modules/accounts/openapi.json).
import { del, get, post } from './request';
import type { Answer, Body, Schema } from './types';

export type SessionInfo = Schema<'Session'>;
export type Account = SessionInfo['account'];
/** The person record linked to an account. */
export type Person = NonNullable<SessionInfo['person']>;
export type Grant = SessionInfo['grants'][number];
export type Role = Grant['role'];
/** A login name or a phone number, and the password. */
export type Credentials = Body<'/api/v1/session', 'post'>;

export const fetchSession = () => get<Answer<'/api/v1/session', 'get'>>('/session');
export const createSession = (credentials: Credentials) =>
  post<Answer<'/api/v1/session', 'post'>>('/session', credentials);
export const deleteSession = () => del<void>('/session');

/** Change my password: the current one, the new one (the server ends my other sessions). */
export type PasswordChange = Body<'/api/v1/session/password', 'post'>;
/** One of my live sessions (never its token). */
export type MySession = Schema<'MySession'>;

export const changePassword = (input: PasswordChange) => post<void>('/session/password', input);
export const listMySessions = () => get<Answer<'/api/v1/session/list', 'get'>>('/session/list');
export const endMySession = (id: string) => del<void>(`/session/list/${encodeURIComponent(id)}`);
/** Log out everywhere: ends every session of mine, this one included, once the password is entered again. */
export type EndAllSessions = Body<'/api/v1/session/list', 'delete'>;
export const endAllMySessions = (input: EndAllSessions) => del<void>('/session/list', { body: input });
