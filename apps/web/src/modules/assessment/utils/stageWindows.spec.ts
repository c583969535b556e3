import dayjs from 'dayjs';
import {
  beijingInstant,
  beijingPickerValue,
  checkSchedule,
  scheduleServerProblems,
  type ScheduledWindow,
} from './stageWindows';

// A picker value with these Beijing wall-clock fields, whatever zone the test runs in.
const wall = (text: string) => dayjs(text);

const current: ScheduledWindow[] = [
  { stage: 'SELF_ASSESSMENT', opensAt: '2026-07-01T00:00:00Z', closesAt: '2026-07-10T00:00:00Z' },
  { stage: 'PREFECTURE_REVIEW', opensAt: '2026-07-10T00:00:00Z', closesAt: '2026-07-20T00:00:00Z' },
];
const drafts = () => ({
  SELF_ASSESSMENT: {
    opensAt: beijingPickerValue(current[0].opensAt),
    closesAt: beijingPickerValue(current[0].closesAt),
  },
  PREFECTURE_REVIEW: {
    opensAt: beijingPickerValue(current[1].opensAt),
    closesAt: beijingPickerValue(current[1].closesAt),
  },
});

describe('Beijing wall-clock times', () => {
  it('reads picker fields as Beijing time and shows instants in it', () => {
    expect(beijingInstant(wall('2026-07-20 08:00'))).toBe('2026-07-20T00:00:00.000Z');
    expect(beijingPickerValue('2026-07-19T16:30:00Z').format('YYYY-MM-DD HH:mm')).toBe(
      '2026-07-20 00:30',
    );
    expect(beijingInstant(beijingPickerValue('2026-12-31T20:05:00Z'))).toBe(
      '2026-12-31T20:05:00.000Z',
    );
  });
});

describe('checkSchedule', () => {
  it('sends only the stages set or moved', () => {
    const edited = {
      ...drafts(),
      PROVINCIAL_REVIEW: { opensAt: wall('2026-07-20 08:00'), closesAt: wall('2026-07-31 08:00') },
    };
    expect(checkSchedule(current, edited)).toEqual({
      problems: [],
      changed: [
        {
          stage: 'PROVINCIAL_REVIEW',
          opensAt: '2026-07-20T00:00:00.000Z',
          closesAt: '2026-07-31T00:00:00.000Z',
        },
      ],
    });
    expect(checkSchedule(current, drafts())).toEqual({ problems: [], changed: [] });
  });

  it('finds half-filled, cleared, inverted and out-of-order windows', () => {
    const { problems } = checkSchedule(current, {
      SELF_ASSESSMENT: {},
      PREFECTURE_REVIEW: { opensAt: wall('2026-07-12 08:00'), closesAt: wall('2026-07-11 08:00') },
      PROVINCIAL_REVIEW: { opensAt: wall('2026-07-20 08:00') },
    });
    expect(problems).toEqual([
      { stage: 'SELF_ASSESSMENT', field: 'opensAt', code: 'STAGE_WINDOW_CLEARED' },
      { stage: 'PREFECTURE_REVIEW', field: 'closesAt', code: 'STAGE_WINDOW_INVALID' },
      { stage: 'PROVINCIAL_REVIEW', field: 'closesAt', code: 'STAGE_WINDOW_INCOMPLETE' },
    ]);
    const order = checkSchedule(current, {
      ...drafts(),
      PROVINCIAL_REVIEW: { opensAt: wall('2026-07-05 08:00'), closesAt: wall('2026-07-31 08:00') },
    });
    expect(order.problems).toEqual([
      {
        stage: 'PROVINCIAL_REVIEW',
        field: 'opensAt',
        code: 'STAGE_WINDOW_ORDER',
        previous: 'PREFECTURE_REVIEW',
      },
    ]);
  });
});

describe('scheduleServerProblems', () => {
  it('maps the API’s problem paths to the stages sent', () => {
    const sent = [current[1]];
    expect(
      scheduleServerProblems(
        {
          problems: [
            { code: 'STAGE_WINDOW_INVALID', path: 'windows.0.closesAt', message: '…' },
            { code: 'STAGE_DUPLICATE', path: 'windows.0.stage', message: '…' },
            { code: 'STAGE_WINDOW_ORDER', path: 'windows', message: '…' },
            { code: 'CYCLE_CLOSED', path: '', message: '…' },
          ],
        },
        sent,
      ),
    ).toEqual([
      { stage: 'PREFECTURE_REVIEW', field: 'closesAt', code: 'STAGE_WINDOW_INVALID' },
      { stage: 'PREFECTURE_REVIEW', field: 'opensAt', code: 'STAGE_DUPLICATE' },
      { stage: null, field: null, code: 'STAGE_WINDOW_ORDER' },
    ]);
    expect(scheduleServerProblems(undefined, sent)).toEqual([]);
  });
});
