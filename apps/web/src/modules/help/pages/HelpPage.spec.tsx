import { fireEvent, screen } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import { HelpPage } from './HelpPage';

const guides = () =>
  [...document.querySelectorAll('[data-guide]')].map((el) => el.getAttribute('data-guide'));
const terms = () => document.querySelectorAll('[data-glossary-term]').length;

describe('HelpPage', () => {
  it('shows the signed-in role’s guide first, marked, and a searchable glossary', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithUser(<HelpPage />, currentUser({ role: 'COUNTY_OPERATOR' }));
    expect(await screen.findByRole('heading', { name: '帮助' })).toBeTruthy();
    expect(guides()[0]).toBe('COUNTY_OPERATOR');
    expect(guides()).toHaveLength(7);
    expect(document.querySelector('[data-guide="COUNTY_OPERATOR"]')?.textContent).toContain(
      '您的角色',
    );
    expect(terms()).toBeGreaterThanOrEqual(20);
    fireEvent.change(screen.getByPlaceholderText('在术语表中查找'), {
      target: { value: '佐证' },
    });
    expect(document.querySelector('[data-glossary-term="佐证材料"]')).toBeTruthy();
    expect(terms()).toBeLessThan(20);
    fireEvent.change(screen.getByPlaceholderText('在术语表中查找'), {
      target: { value: '没有这个词' },
    });
    expect(screen.getByText('没有找到相关术语。')).toBeTruthy();
  });

  it('is in English when the interface is', async () => {
    await i18n.changeLanguage('en-US');
    const { unmount } = renderWithUser(<HelpPage />, currentUser({ role: 'AUDITOR' }));
    expect(await screen.findByRole('heading', { name: 'Help' })).toBeTruthy();
    expect(guides()[0]).toBe('AUDITOR');
    expect(document.querySelector('[data-glossary-term="Urging notice"]')).toBeTruthy();
    unmount();
    await i18n.changeLanguage('zh-CN');
  });
});
