import {
  isCalendarDay,
  parseTaskLogFilters,
  shanghaiDayStart,
  taskLogFiltersToSearch,
  toTaskEventFilter,
} from './taskLogFilters';

describe('task log filters', () => {
  it('reads the URL and ignores junk', () => {
    expect(
      parseTaskLogFilters(
        new URLSearchParams(
          'cycleId=c-1&unitCode=422800&kind=status&actor=%20enshi%20&from=2026-03-01&to=2026-03-31',
        ),
      ),
    ).toEqual({
      cycleId: 'c-1',
      unitCode: '422800',
      kind: 'status',
      actor: 'enshi',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(
      parseTaskLogFilters(new URLSearchParams('unitCode=wuhan&from=2026-02-30&to=yesterday&kind=')),
    ).toEqual({});
  });

  it('writes only the filters that are set, and reads back what it wrote', () => {
    const filters = { cycleId: 'c-1', kind: 'status', actor: '王 五', from: '2026-03-01' };
    const search = taskLogFiltersToSearch({ ...filters, unitCode: '', to: undefined });
    expect(search).toBe('?cycleId=c-1&kind=status&actor=%E7%8E%8B+%E4%BA%94&from=2026-03-01');
    expect(parseTaskLogFilters(new URLSearchParams(search))).toEqual(filters);
    expect(taskLogFiltersToSearch({})).toBe('');
  });

  it('turns Beijing calendar days into instants, the last day included', () => {
    expect(shanghaiDayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(shanghaiDayStart('2026-12-31', 1)).toBe('2026-12-31T16:00:00.000Z');
    expect(
      toTaskEventFilter(
        {
          unitCode: '422800',
          kind: 'status',
          actor: 'enshi',
          from: '2026-03-01',
          to: '2026-03-31',
          taskId: 't-1',
        },
        'c-1',
      ),
    ).toEqual({
      cycleId: 'c-1',
      unitCode: '422800',
      kind: 'status',
      actorUsername: 'enshi',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      taskId: 't-1',
    });
    expect(toTaskEventFilter({}, undefined)).toEqual({});
  });

  it('knows a calendar day', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-1-1')).toBe(false);
    expect(isCalendarDay(undefined)).toBe(false);
  });
});
