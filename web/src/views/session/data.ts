import type { Credentials } from '@/api/session';
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
