import { fireEvent, waitFor } from '@testing-library/react';

/** The options of the open Select / AutoComplete dropdown (antd renders it in a portal). */
function openDropdownOptions(): HTMLElement[] {
  const dropdowns = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter(
    (d) => !d.className.includes('-hidden'),
  );
  const open = dropdowns.at(-1);
  return open ? [...open.querySelectorAll<HTMLElement>('.ant-select-item-option')] : [];
}

/**
 * Opens an antd Select (e.g. found by its form label) until it shows options; a select that
 * is still disabled or still loading is tried again.
 */
async function whenOpen<T>(combobox: HTMLElement, pick: (options: HTMLElement[]) => T): Promise<T> {
  return waitFor(() => {
    if (combobox.getAttribute('aria-expanded') !== 'true') fireEvent.mouseDown(combobox);
    return pick(openDropdownOptions());
  });
}

/** The option labels an antd Select offers once opened. */
export async function openOptions(combobox: HTMLElement): Promise<string[]> {
  return whenOpen(combobox, (options) => {
    if (options.length === 0) throw new Error('the dropdown has no options (yet)');
    return options.map((o) => o.textContent ?? '');
  });
}

/** Opens an antd Select and picks the option with the given text. */
export async function chooseOption(combobox: HTMLElement, optionText: string): Promise<void> {
  const option = await whenOpen(combobox, (options) => {
    const found = options.find((o) => o.textContent === optionText);
    if (!found) throw new Error(`no option "${optionText}" in the open dropdown`);
    return found;
  });
  fireEvent.click(option);
}

/**
 * The open antd dialog with the given title. (In tests antd gives every generated id the same
 * value, so a dialog's aria-labelledby cannot be relied on to name it.)
 */
export async function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    // A plain selector: role queries over a whole page of antd components are slow in jsdom.
    const dialog = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].find(
      (d) => d.querySelector('.ant-modal-title, .ant-modal-confirm-title')?.textContent === title,
    );
    if (!dialog) throw new Error(`no open dialog titled "${title}"`);
    return dialog;
  });
}
