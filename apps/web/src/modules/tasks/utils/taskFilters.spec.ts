import {
  pageOffset,
  parseTaskFilters,
  taskFiltersToSearch,
  toTaskFilterInput,
} from './taskFilters';

describe('task list filters', () => {
  it('reads every filter from the query string and ignores junk', () => {
    const filters = parseTaskFilters(
      new URLSearchParams(
        'cycleId=c-1&unitCode=420102&prefectureCode=420100&status=SUBMITTED,BOGUS,RETURNED,SUBMITTED' +
          '&overdue=1&chapterNumber=3&articleNumber=x&departmentKindCode=SCJG&search=%20质量%20&sort=UNIT',
      ),
    );
    expect(filters).toEqual({
      cycleId: 'c-1',
      unitCode: '420102',
      prefectureCode: '420100',
      statuses: ['SUBMITTED', 'RETURNED'],
      overdue: true,
      chapterNumber: 3,
      articleNumber: undefined,
      departmentKindCode: 'SCJG',
      search: '质量',
      sort: 'UNIT',
    });
  });

  it('round-trips through the URL', () => {
    const search = '?cycleId=c-1&status=RETURNED&overdue=1&articleNumber=12';
    expect(taskFiltersToSearch(parseTaskFilters(new URLSearchParams(search)))).toBe(search);
    expect(taskFiltersToSearch({ statuses: [], overdue: false })).toBe('');
  });

  it('maps to TaskFilterInput in the cycle shown; a unit wins over its prefecture', () => {
    expect(
      toTaskFilterInput(
        {
          statuses: ['VERIFIED'],
          overdue: false,
          unitCode: '422801',
          prefectureCode: '422800',
          chapterNumber: 2,
        },
        'c-open',
      ),
    ).toEqual({ cycleId: 'c-open', unitCode: '422801', statuses: ['VERIFIED'], chapterNumber: 2 });
    expect(
      toTaskFilterInput(
        { statuses: [], overdue: true, cycleId: 'c-old', prefectureCode: '422800' },
        'c-old',
      ),
    ).toEqual({ cycleId: 'c-old', prefectureCode: '422800', overdue: true });
  });

  it('keeps a due-date window (the workbench’s “due within 14 days”) and drops malformed days', () => {
    const search =
      '?cycleId=c-1&status=NOT_STARTED,IN_PROGRESS,RETURNED&dueAfter=2026-06-14&dueBefore=2026-06-30';
    const filters = parseTaskFilters(new URLSearchParams(search));
    expect(filters).toMatchObject({ dueAfter: '2026-06-14', dueBefore: '2026-06-30' });
    expect(parseTaskFilters(new URLSearchParams(taskFiltersToSearch(filters)))).toEqual(filters);
    expect(toTaskFilterInput(filters, 'c-1')).toMatchObject({
      dueAfter: '2026-06-14',
      dueBefore: '2026-06-30',
    });
    expect(parseTaskFilters(new URLSearchParams('dueAfter=14.6.2026&dueBefore=x'))).toMatchObject({
      dueAfter: undefined,
      dueBefore: undefined,
    });
  });

  it('keeps the sort, its direction, the page and the page size in the URL', () => {
    const search = '?search=%E6%81%A9%E6%96%BD&sort=ARTICLE&dir=desc&page=7&size=100';
    const filters = parseTaskFilters(new URLSearchParams(search));
    expect(filters).toMatchObject({
      search: '恩施',
      sort: 'ARTICLE',
      direction: 'DESC',
      page: 7,
      pageSize: 100,
    });
    expect(taskFiltersToSearch(filters)).toBe(search);
    expect(pageOffset(filters)).toBe(600);
    // The defaults are left out; junk is ignored.
    const junk = parseTaskFilters(new URLSearchParams('sort=NAME&dir=up&page=0&size=30'));
    expect(junk).toMatchObject({
      sort: undefined,
      direction: undefined,
      page: undefined,
      pageSize: undefined,
    });
    expect(pageOffset(junk)).toBe(0);
    expect(taskFiltersToSearch({ ...junk, page: 1, pageSize: 50 })).toBe('');
    // Never past what the API serves.
    expect(pageOffset({ ...junk, page: 1_000_000 })).toBe(100_000);
  });
});
