// People steps several specs share.
import { toBeVisible, toContainText } from './expect.mjs';
import { openOrganization } from './organizations.mjs';

/** As a branch secretary: from the organization's people list, request that the first person's name be corrected. */
export async function requestNameCorrection(page, organizationName, newName, reason) {
  await openOrganization(page, organizationName);
  await page.getByTestId('open-people').click();
  await toBeVisible(page.getByTestId('people-table'));
  await page.getByTestId('person-link').first().click();
  await toBeVisible(page.getByTestId('person-page'));
  await page.getByTestId('request-correction').click();
  await page.locator('input[data-testid="correction-name"]').fill(newName);
  await page.locator('textarea[data-testid="correction-reason"]').fill(reason);
  await page.getByTestId('correction-submit').click();
  await toContainText(page.locator('.el-message--success'), '更正申请已提交');
}
