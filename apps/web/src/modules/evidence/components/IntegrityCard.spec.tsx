import { fireEvent, screen } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import type { IntegrityState } from '../hooks/useEvidenceIntegrity';
import { IntegrityCard } from './IntegrityCard';

const run = {
  finishedAt: '2026-03-01T18:30:00.000Z',
  source: 'schedule',
  checked: 1234,
  missing: 0,
  corrupt: 0,
  unreferenced: 2,
};

function renderCard(state: IntegrityState) {
  const onRefresh = jest.fn();
  renderWithUser(
    <IntegrityCard state={state} onRefresh={onRefresh} />,
    currentUser({ role: 'AUDITOR' }),
  );
  return onRefresh;
}

/** Label and value of one Descriptions item, e.g. `缺失3`. */
const itemText = (label: string) =>
  screen.getByText(label).closest('.ant-descriptions-item')?.textContent;

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('IntegrityCard', () => {
  it('shows a clean run with its time and counts', () => {
    const onRefresh = renderCard({ kind: 'loaded', integrity: { status: 'ok', ...run } });
    expect(screen.getByText('正常')).toBeTruthy();
    expect(screen.getByText('2026年3月2日 02:30')).toBeTruthy();
    expect(screen.getByText('定时任务')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(itemText('无主文件')).toBe('无主文件2');
    expect(screen.queryByText(/存储中有缺失或损坏的文件/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /刷\s*新/ }));
    expect(onRefresh).toHaveBeenCalled();
  });

  it('flags problems', () => {
    renderCard({
      kind: 'loaded',
      integrity: { status: 'problems', ...run, missing: 3, corrupt: 1 },
    });
    expect(screen.getByText('发现问题')).toBeTruthy();
    expect(itemText('缺失')).toBe('缺失3');
    expect(itemText('损坏')).toBe('损坏1');
    expect(screen.getByText(/存储中有缺失或损坏的文件/)).toBeTruthy();
  });

  it('says when the check has never run', () => {
    renderCard({ kind: 'loaded', integrity: { status: 'not_run' } });
    expect(screen.getByText('尚未检查')).toBeTruthy();
    expect(screen.getByText(/尚未执行过完整性检查/)).toBeTruthy();
  });

  it('shows a loading state', () => {
    renderCard({ kind: 'loading' });
    expect(screen.getByRole('status', { name: '正在加载…' })).toBeTruthy();
  });

  it('says when the result cannot be read', () => {
    renderCard({ kind: 'unavailable' });
    expect(screen.getByText('暂时无法获取完整性检查结果。')).toBeTruthy();
  });
});
