import { fireEvent, render, screen } from '@testing-library/react';
import { AppProviders } from '../app/AppProviders';
import { createApolloClient } from '../graphql/client';
import { i18n } from '../i18n';
import { chooseOption, openOptions } from '../test/antd';
import { cycle } from '../test/fixtures';
import { CycleSelect, type CycleSelectProps } from './CycleSelect';

const cycles = [
  cycle({ id: 'c2026', year: 2026 }),
  cycle({ id: 'c2025', year: 2025, state: 'closed', closedAt: '2026-01-05T02:00:00.000Z' }),
];

function renderSelect(props: Partial<CycleSelectProps> = {}) {
  const onChange = jest.fn();
  render(
    <AppProviders client={createApolloClient()}>
      <label htmlFor="cycle-field">外部标签</label>
      <CycleSelect cycles={cycles} value="c2026" onChange={onChange} {...props} />
    </AppProviders>,
  );
  return onChange;
}

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('CycleSelect', () => {
  it('names each cycle with its state and reports the one chosen', async () => {
    const onChange = renderSelect();
    const select = screen.getByLabelText('考核年度');
    expect(await openOptions(select)).toEqual([
      '2026年度 · 湖北省质量促进条例（进行中）',
      '2025年度 · 湖北省质量促进条例（已关闭）',
    ]);
    await chooseOption(select, '2025年度 · 湖北省质量促进条例（已关闭）');
    expect(onChange).toHaveBeenCalledWith('c2025');
  });

  it('speaks English in the English UI', async () => {
    await i18n.changeLanguage('en-US');
    renderSelect({ cycles: [cycles[0], { ...cycles[1], title: '2025' }] });
    expect(await openOptions(screen.getByLabelText('Assessment year'))).toEqual([
      '2026年度 · 湖北省质量促进条例 (open)',
      '2025 · 湖北省质量促进条例 (closed)',
    ]);
  });

  it('takes the label of a form field when given its id', () => {
    renderSelect({ id: 'cycle-field' });
    expect(screen.getByLabelText('外部标签')).toBeTruthy();
    expect(screen.queryByLabelText('考核年度')).toBeNull();
  });

  it('shows a state it does not know as the API sends it', async () => {
    renderSelect({ cycles: [{ ...cycles[0], state: 'archived' }] });
    expect(await openOptions(screen.getByLabelText('考核年度'))).toEqual([
      '2026年度 · 湖北省质量促进条例（archived）',
    ]);
  });

  it('can be cleared, reporting no cycle', () => {
    const onChange = renderSelect({ allowClear: true, placeholder: '全部年度' });
    const clear = document.querySelector<HTMLElement>('.ant-select-clear');
    expect(clear).not.toBeNull();
    fireEvent.mouseDown(clear!);
    fireEvent.click(clear!);
    expect(onChange).toHaveBeenCalledWith(undefined);
  });
});
