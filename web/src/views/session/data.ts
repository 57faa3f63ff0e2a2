import type { Credentials, MySession, PasswordChange } from '@/api/session';
import type { Column } from '@/components/dataList';
import type { FormField } from '@/components/formFields';

/** The login form: a login name or phone number, and the password (data-testid login-<…>). */
export const LOGIN_FIELDS: FormField<Credentials>[] = [
  {
    key: 'login',
    kind: 'text',
    label: 'session.login.loginLabel',
    placeholder: 'session.login.loginPlaceholder',
    testid: 'login-name',
    check: { message: 'session.login.loginRequired', whitespace: true },
    attrs: { name: 'login', autocomplete: 'username' },
  },
  {
    key: 'password',
    kind: 'text',
    label: 'session.login.passwordLabel',
    placeholder: 'session.login.passwordPlaceholder',
    testid: 'login-password',
    check: { message: 'session.login.passwordRequired' },
    attrs: { name: 'password', type: 'password', 'show-password': true, autocomplete: 'current-password' },
  },
];

/** Change my password (账号安全): the current one and the new one, typed twice. */
export interface PasswordFormModel {
  current_password: string;
  new_password: string;
  confirm: string;
}

export const emptyPasswordForm = (): PasswordFormModel => ({ current_password: '', new_password: '', confirm: '' });

const secret = (autocomplete: string) => ({ type: 'password', 'show-password': true, autocomplete });

export const PASSWORD_FIELDS: FormField<PasswordFormModel>[] = [
  {
    key: 'current_password',
    kind: 'text',
    label: 'session.security.current',
    testid: 'password-current',
    check: { message: 'session.security.currentRequired' },
    attrs: secret('current-password'),
  },
  {
    key: 'new_password',
    kind: 'text',
    label: 'session.security.new',
    hint: 'session.security.rule',
    testid: 'password-new',
    check: { message: 'session.security.newRequired' },
    attrs: secret('new-password'),
  },
  {
    key: 'confirm',
    kind: 'text',
    label: 'session.security.confirm',
    testid: 'password-confirm',
    check: { message: 'session.security.confirmRequired' },
    attrs: secret('new-password'),
  },
];

/** The request body; the typed-twice check stays in the browser (the server never sees `confirm`). */
export const passwordInput = (m: PasswordFormModel): PasswordChange => ({
  current_password: m.current_password,
  new_password: m.new_password,
});

/** The sessions table: where it was opened (the browser), when, when last used, which is this one. */
export const SESSION_COLUMNS: Column<MySession>[] = [
  { key: 'user_agent', label: 'session.sessions.browser', text: (s) => browserOf(s.user_agent), card: 'title' },
  { key: 'created_at', label: 'session.sessions.created', text: (s) => localTime(s.created_at), card: 'meta', width: 170 },
  { key: 'last_seen_at', label: 'session.sessions.lastSeen', text: (s) => localTime(s.last_seen_at), card: 'meta', width: 170 },
];

/** "2026-05-28 14:03" in the viewer's time zone. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A short name of the browser and system a User-Agent names ("Chrome · Android"); '' when unknown. */
export function browserOf(userAgent: string): string {
  if (!userAgent) return '';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
      : /MicroMessenger/.test(userAgent)
        ? 'WeChat'
        : /Firefox\//.test(userAgent)
          ? 'Firefox'
          : /Chrom(e|ium)\//.test(userAgent)
            ? 'Chrome'
            : /Safari\//.test(userAgent)
              ? 'Safari'
              : '';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  const short = [browser, system].filter(Boolean).join(' · ');
  return short || userAgent.slice(0, 60);
}
