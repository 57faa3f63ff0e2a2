// The notification bell in the top bar, as a test reads it.

/**
 * The number the bell's badge shows, 0 when it shows none. One read in the page, not a count,
 * a visibility check and a text read one after another: the badge can be re-rendered between
 * those (opening a notification navigates), and a text read of a badge that is gone waits for
 * the whole action timeout. A read that a full page load interrupts is made again on the new page.
 */
export async function bellCount(page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(() => {
        const badge = document.querySelector('[data-testid="notification-count"] sup');
        if (!badge || !badge.checkVisibility()) return 0;
        return Number(badge.textContent.trim());
      });
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed/i.test(String(error))) throw error;
      await page.waitForLoadState();
    }
  }
}
