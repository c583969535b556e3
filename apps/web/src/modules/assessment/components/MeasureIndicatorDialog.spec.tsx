import { fireEvent, waitFor, within } from '@testing-library/react';
import { findDialog } from '../../../test/antd';
import { currentUser, HUBEI } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import type { PlanIndicatorDraft } from '../utils/planDraft';
import { MeasureIndicatorDialog } from './MeasureIndicatorDialog';

/** 质量投诉平均办结时长: banded, lower is better, with one unit's own target. */
const complaints: PlanIndicatorDraft = {
  id: 'M2',
  name: '质量投诉平均办结时长',
  chapter: 3,
  weight: 10,
  dutyIds: [],
  articles: [],
  kind: 'measure',
  measure: {
    unitOfMeasure: '天',
    direction: 'lower',
    scoring: 'banded',
    levels: { province: null, prefecture: null, county: { target: 5, floor: null } },
    overrides: [{ unitCode: '420102', target: 4, floor: null }],
    bands: [
      { min: null, max: 5, points: 10 },
      { min: 5, max: 10, points: 6 },
      { min: 10, max: null, points: 0 },
    ],
  },
};

describe('MeasureIndicatorDialog', () => {
  it('edits the rows of per-unit targets and bands: remove one, add one, save the rest', async () => {
    const onSave = jest.fn();
    renderWithUser(
      <MeasureIndicatorDialog
        open
        indicator={complaints}
        indicators={[complaints]}
        chapters={[1, 2, 3]}
        onSave={onSave}
        onClose={() => undefined}
      />,
      currentUser({ role: 'PROVINCIAL_SUPERVISOR', unit: HUBEI }),
    );
    const dialog = await findDialog('编辑定量指标“质量投诉平均办结时长”');
    const removes = () => within(dialog).getAllByRole('button', { name: '删除' });
    // One override row and three band rows, each with its remove button.
    expect(removes()).toHaveLength(4);
    // The middle band goes; a second unit gets its own target.
    fireEvent.click(removes()[2]);
    await waitFor(() => expect(removes()).toHaveLength(3));
    fireEvent.click(within(dialog).getByRole('button', { name: /添加单位/ }));
    const codes = await within(dialog).findAllByRole('textbox', { name: '单位代码' });
    expect(codes).toHaveLength(2);
    fireEvent.change(codes[1], { target: { value: '422801' } });
    const targets = within(dialog).getAllByRole('spinbutton', { name: '目标值' });
    fireEvent.change(targets[targets.length - 1], { target: { value: '6' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0].measure).toMatchObject({
      overrides: [
        { unitCode: '420102', target: 4, floor: null },
        { unitCode: '422801', target: 6, floor: null },
      ],
      bands: [
        { min: null, max: 5, points: 10 },
        { min: 10, max: null, points: 0 },
      ],
    });
  });
});
