import { render, screen } from '@testing-library/react';
import { i18n } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('chunk failed to load');
}

describe('ErrorBoundary', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined); // React reports caught errors
  });
  afterEach(() => consoleError.mockRestore());

  it('replaces a crashed page with a reload offer and recovers when resetKey changes', () => {
    const { rerender } = render(
      <ErrorBoundary resetKey="/broken">
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByText('页面出错了')).toBeTruthy();
    expect(screen.getByRole('button', { name: '刷新页面' })).toBeTruthy();

    rerender(
      <ErrorBoundary resetKey="/">
        <p>首页内容</p>
      </ErrorBoundary>,
    );
    expect(screen.queryByText('页面出错了')).toBeNull();
    expect(screen.getByText('首页内容')).toBeTruthy();
  });
});
