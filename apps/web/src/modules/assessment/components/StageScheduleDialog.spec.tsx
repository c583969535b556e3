import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { StageSchedule } from './StageSchedule';

const windows = [
  {
    __typename: 'AssessmentStageWindow',
    stage: 'SELF_ASSESSMENT',
    opensAt: '2026-07-01T00:00:00.000Z',
    closesAt: '2026-07-10T00:00:00.000Z',
  },
  {
    __typename: 'AssessmentStageWindow',
    stage: 'PREFECTURE_REVIEW',
    opensAt: '2026-07-10T00:00:00.000Z',
    closesAt: '2026-07-20T00:00:00.000Z',
  },
];

const provincial = currentUser({ id: 'u-p', username: 'province', role: 'PROVINCIAL_SUPERVISOR' });

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderSchedule(extra: Record<string, unknown> = {}) {
  const stub = stubGraphQLOperations({
    AssessmentStageSchedule: { data: { assessmentStageSchedule: windows } },
    ...extra,
  });
  restoreFetch = stub.restore;
  renderWithUser(<StageSchedule cycleId="c2026" editable />, provincial);
  return stub;
}

/** Types a time into an antd DatePicker and confirms it, as a keyboard user does. */
const typeTime = (input: HTMLElement, value: string) => {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
};

async function openDialog() {
  fireEvent.click((await screen.findByText('设置阶段时间')).closest('button') as HTMLElement);
  const dialog = await findDialog('设置考核阶段时间');
  // The scheduled windows, in Beijing time.
  expect((within(dialog).getByLabelText('自评开始时间') as HTMLInputElement).value).toBe(
    '2026-07-01 08:00',
  );
  const save = async () => {
    await act(async () => {
      fireEvent.click(
        within(dialog.closest('.ant-modal') as HTMLElement)
          .getByText(/^保\s*存$/)
          .closest('button') as HTMLElement,
      );
    });
  };
  return { dialog, save };
}

describe('StageScheduleDialog', () => {
  it('checks the windows before saving, then sends only the stage set', async () => {
    const stub = renderSchedule({
      SetAssessmentStageSchedule: { data: { setAssessmentStageSchedule: windows } },
    });
    expect(await screen.findByText('自评')).toBeTruthy();
    const { dialog, save } = await openDialog();

    typeTime(within(dialog).getByLabelText('省级复核开始时间'), '2026-07-25 08:00');
    typeTime(within(dialog).getByLabelText('省级复核截止时间'), '2026-07-20 08:00');
    await save();
    expect(await within(dialog).findByText('“省级复核”的截止时间须晚于开始时间')).toBeTruthy();

    typeTime(within(dialog).getByLabelText('省级复核开始时间'), '2026-07-05 08:00');
    typeTime(within(dialog).getByLabelText('省级复核截止时间'), '2026-07-31 08:00');
    await save();
    expect(await within(dialog).findByText('“省级复核”不能早于“市州初审”开始')).toBeTruthy();
    expect(stub.requestsOf('SetAssessmentStageSchedule')).toHaveLength(0);

    typeTime(within(dialog).getByLabelText('省级复核开始时间'), '2026-07-20 08:00');
    await save();
    await waitFor(() => expect(stub.requestsOf('SetAssessmentStageSchedule')).toHaveLength(1));
    expect(stub.requestsOf('SetAssessmentStageSchedule')[0].variables).toEqual({
      input: {
        cycleId: 'c2026',
        windows: [
          {
            stage: 'PROVINCIAL_REVIEW',
            opensAt: '2026-07-20T00:00:00.000Z',
            closesAt: '2026-07-31T00:00:00.000Z',
          },
        ],
      },
    });
    expect(await screen.findByText('阶段时间已保存')).toBeTruthy();
  });

  it('shows the API’s problem codes in Chinese', async () => {
    const problems = (code: string, path: string) =>
      graphQLError('VALIDATION_FAILED', 'Invalid schedule', {
        details: { problems: [{ code, path, message: 'Invalid schedule' }] },
      });
    const stub = renderSchedule({
      SetAssessmentStageSchedule: [
        problems('STAGE_WINDOW_ORDER', 'windows'),
        problems('STAGE_WINDOW_INVALID', 'windows.0.closesAt'),
      ],
    });
    const { dialog, save } = await openDialog();
    typeTime(within(dialog).getByLabelText('实地核查开始时间'), '2026-08-01 08:00');
    typeTime(within(dialog).getByLabelText('实地核查截止时间'), '2026-08-15 08:00');
    await save();
    expect(
      await within(dialog.closest('.ant-modal') as HTMLElement).findByText(
        '各阶段须按顺序开始：后一阶段不能早于前一阶段开始',
      ),
    ).toBeTruthy();
    await save();
    expect(await within(dialog).findByText('“实地核查”的截止时间须晚于开始时间')).toBeTruthy();
    expect(stub.requestsOf('SetAssessmentStageSchedule')).toHaveLength(2);
  });
});
