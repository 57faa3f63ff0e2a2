// The notifications screen's declarations: the list's columns and the mail settings' fields.
import type { AppNotification, NotificationSettings, NotificationSettingsInput } from '@/api/notifications';
import type { Column } from '@/components/dataList';
import type { FormField } from '@/components/formFields';

export const NOTIFICATION_COLUMNS: Column<AppNotification>[] = [
  { key: 'title', label: 'notifications.columns.title', card: 'title' },
  { key: 'body', label: 'notifications.columns.body', text: (n) => n.body, card: 'text' },
  { key: 'created_at', label: 'notifications.columns.time', text: (n) => n.created_at.slice(0, 16).replace('T', ' '), card: 'meta', width: 150 },
];

export interface MailSettingsModel {
  email: string;
  email_kinds: string[];
}

export const MAIL_FIELDS: FormField<MailSettingsModel>[] = [
  { key: 'email', kind: 'text', label: 'notifications.email', maxlength: 254, inputmode: 'email', testid: 'notification-email' },
  { key: 'email_kinds', kind: 'custom', label: 'notifications.mailKinds' },
];

export function mailSettingsToForm(s: NotificationSettings | null): MailSettingsModel {
  return { email: s?.email ?? '', email_kinds: s ? s.kinds.filter((k) => k.email).map((k) => k.kind) : [] };
}

/** The PUT body: an empty address left out (the server then refuses mail kinds, on the field). */
export function mailSettingsInput(m: MailSettingsModel, lang: 'zh-CN' | 'en'): NotificationSettingsInput {
  const email = m.email.trim();
  return { ...(email ? { email } : {}), lang, email_kinds: m.email_kinds };
}
