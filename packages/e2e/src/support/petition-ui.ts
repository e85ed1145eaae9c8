import type { Locator, Page } from 'playwright-core';

/** The petition page, once it shows the given state (the server's answer has arrived). */
export function petitionInState(page: Page, state: string): Locator {
  return page.locator(`[data-testid="petition-page"][data-state="${state}"]`);
}

/**
 * Takes one step from the petition page: presses its button, lets `fill` work
 * in the dialog, confirms, and waits for the new state.
 */
export async function takeStep(
  page: Page,
  action: string,
  nextState: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // Controls inside take clicks once the opening animation is over.
  await page.waitForTimeout(300);
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden' });
  await petitionInState(page, nextState).waitFor();
}

/** Opens the header bell and the petition waiting there. */
export async function openFromBell(page: Page, petitionId: string): Promise<void> {
  await page.getByTestId('notification-bell').click();
  const item = page.locator(`[data-testid="bell-waiting-item"][data-petition-id="${petitionId}"]`);
  await item.waitFor();
  await item.click();
  await page.waitForURL((url) => url.pathname === `/petitions/${petitionId}`);
}

/** Picks an option of an open antd Select by its visible text. */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  // A click while the list still slides open can land on nothing (seen in CI), and a closed
  // list of another select stays in the page hidden: wait for the open one to stand still.
  const list = page
    .locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])')
    .last();
  await list.waitFor();
  await list.locator('.ant-select-item-option', { hasText: text }).first().click();
}
