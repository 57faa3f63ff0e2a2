// The notifications module: what waits for me, read state, mail settings.
// Types from the generated schema (server/src/modules/notifications/openapi.json).
import { get, post, put } from './request';
import type { Answer, Body, ListQuery, Schema } from './types';

export type AppNotification = Schema<'Notification'>;
export type NotificationSettings = Schema<'NotificationSettings'>;
export type NotificationSettingsInput = Body<'/api/v1/notifications/settings', 'put'>;
type UnreadCount = Answer<'/api/v1/notifications/unread-count', 'get'>;

export const listNotifications = (query: ListQuery<'/api/v1/notifications'> = {}) =>
  get<Answer<'/api/v1/notifications', 'get'>>('/notifications', { query });
export const unreadCount = () => get<UnreadCount>('/notifications/unread-count');
export const markRead = (id: number) => post<UnreadCount>(`/notifications/${id}/read`);
export const markAllRead = () => post<UnreadCount>('/notifications/read-all');
export const getNotificationSettings = () => get<NotificationSettings>('/notifications/settings');
export const saveNotificationSettings = (input: NotificationSettingsInput) =>
  put<NotificationSettings>('/notifications/settings', input);

/** The server-sent-events address of live unread counts (same origin; the session cookie goes along). */
export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';
