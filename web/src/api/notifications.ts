// The notifications module: what waits for me, read state, mail settings, the admin outbox.
import { get, post, put } from './request';
import type { Page } from './organizations';

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export interface NotificationSettings {
  email: string | null;
  lang: 'zh-CN' | 'en';
  kinds: { kind: string; label: string; email: boolean }[];
  mail_relay: boolean;
}

export interface NotificationSettingsInput {
  email?: string;
  lang: 'zh-CN' | 'en';
  email_kinds: string[];
}

export const listNotifications = (query: { unread?: boolean; limit?: number; cursor?: string | null } = {}) =>
  get<NotificationPage>('/notifications', { query });
export const unreadCount = () => get<{ unread: number }>('/notifications/unread-count');
export const markRead = (id: number) => post<{ unread: number }>(`/notifications/${id}/read`);
export const markAllRead = () => post<{ unread: number }>('/notifications/read-all');
export const getNotificationSettings = () => get<NotificationSettings>('/notifications/settings');
export const saveNotificationSettings = (input: NotificationSettingsInput) =>
  put<NotificationSettings>('/notifications/settings', input);

/** The server-sent-events address of live unread counts (same origin; the session cookie goes along). */
export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';
