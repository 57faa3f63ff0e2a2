// Steps that several specs share. Selectors are the app's data-testid attributes.
import { toBeVisible, toHavePath } from './expect.mjs';

export const DEMO_PASSWORD = 'tianshan-demo';

export async function fillLogin(page, login, password) {
  await page.goto('/login');
  await page.locator('input[data-testid="login-name"]').fill(login);
  await page.locator('input[data-testid="login-password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Logs in through the form and waits for the app shell. */
export async function login(page, login = 'region-admin', password = DEMO_PASSWORD) {
  await fillLogin(page, login, password);
  await toHavePath(page, '/app');
  await toBeVisible(page.getByTestId('home'));
}

export async function logout(page) {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('logout').click();
  await toHavePath(page, '/login');
}

/** Chooses a UI language from the switch on the current page ('zh-CN' or 'en'). */
export async function switchLanguage(page, code) {
  await page.getByTestId('language-switch').first().click();
  await page.getByTestId(`language-option-${code}`).click();
}
