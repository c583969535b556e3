import { taskEvent } from '../testing/taskLogFixtures';
import { UTF8_BOM } from './csv';
import {
  collectPages,
  shanghaiDate,
  shanghaiDateTime,
  TASK_LOG_CSV_COLUMNS,
  taskLogCsv,
  type EventPage,
} from './taskLogExport';

/** A fake API over `total` numbered rows, newest first, with cursors `c<n>`. */
function fakeApi(total: number) {
  const calls: Array<{ after: string | null; first: number }> = [];
  const fetchPage = async (after: string | null, first: number): Promise<EventPage<number>> => {
    calls.push({ after, first });
    const start = after ? Number(after.slice(1)) : 0;
    const nodes = Array.from(
      { length: Math.max(0, Math.min(first, total - start)) },
      (_, i) => start + i,
    );
    const end = start + nodes.length;
    return {
      nodes,
      totalCount: total,
      pageInfo: { endCursor: nodes.length ? `c${end}` : null, hasNextPage: end < total },
    };
  };
  return { calls, fetchPage };
}

describe('collectPages', () => {
  it('follows the cursors to the end, reporting progress after every page', async () => {
    const { calls, fetchPage } = fakeApi(250);
    const progress: Array<[number, number]> = [];
    const result = await collectPages(fetchPage, {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result?.nodes).toHaveLength(250);
    expect(result?.nodes.slice(0, 3)).toEqual([0, 1, 2]);
    expect(result?.truncated).toBe(false);
    expect(calls).toEqual([
      { after: null, first: 100 },
      { after: 'c100', first: 100 },
      { after: 'c200', first: 100 },
    ]);
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('stops at the limit and says so', async () => {
    const { calls, fetchPage } = fakeApi(1000);
    const result = await collectPages(fetchPage, { limit: 250 });
    expect(result).toEqual({
      nodes: Array.from({ length: 250 }, (_, i) => i),
      totalCount: 1000,
      truncated: true,
    });
    expect(calls.map((c) => c.first)).toEqual([100, 100, 50]);
  });

  it('gives up when cancelled between pages', async () => {
    const { calls, fetchPage } = fakeApi(1000);
    const controller = new AbortController();
    const result = await collectPages(fetchPage, {
      signal: controller.signal,
      onProgress: (loaded) => loaded >= 200 && controller.abort(),
    });
    expect(result).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('ends on an empty first page', async () => {
    const result = await collectPages(fakeApi(0).fetchPage);
    expect(result).toEqual({ nodes: [], totalCount: 0, truncated: false });
  });
});

describe('task log CSV', () => {
  it('formats instants in Beijing time', () => {
    expect(shanghaiDateTime('2026-03-01T16:30:05.000Z')).toBe('2026-03-02 00:30:05');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('writes a header row in column order and one row per event', () => {
    const events = [
      taskEvent({
        id: 'ev-2',
        reason: '材料不全, 请补充"会议纪要"',
        before: { status: 'SUBMITTED' },
        after: { status: 'RETURNED' },
      }),
      taskEvent({ id: 'ev-1', kind: 'mystery', reason: null, ip: null, before: null }),
      // The system by its Chinese name, with no account.
      taskEvent({ id: 'ev-0', actorUsername: 'system', kind: 'created' }),
    ];
    const csv = taskLogCsv(events, {
      header: (column) => `H:${column}`,
      kind: (kind) => (kind === 'status' ? '状态变更' : kind),
      status: (status) => `S:${status}`,
      article: (number) => `第${number}条`,
      describe: (event) => `D:${event.id}`,
    });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(TASK_LOG_CSV_COLUMNS.map((c) => `H:${c}`).join(','));
    expect(lines[0].split(',').slice(0, 4)).toEqual([
      'H:occurredAt',
      'H:actor',
      'H:actorUsername',
      'H:kind',
    ]);
    expect(lines[1]).toBe(
      [
        '2026-03-01 10:00:05',
        '向春梅（恩施市市场监督管理局质量股）',
        'enshi-scjg',
        '状态变更',
        '恩施市',
        '422801',
        '第12条',
        '建立质量工作协调机制',
        'S:SUBMITTED',
        'D:ev-2',
        '"材料不全, 请补充""会议纪要"""',
        '10.1.2.3',
        't-1',
        'ev-2',
        '"{""status"":""SUBMITTED""}"',
        '"{""status"":""RETURNED""}"',
      ].join(','),
    );
    expect(lines[2].split(',').slice(3, 4)).toEqual(['mystery']);
    expect(lines[2].endsWith(',,t-1,ev-1,,"{""status"":""SUBMITTED""}"')).toBe(true);
    expect(lines[3].split(',').slice(1, 3)).toEqual(['系统（自动）', '']);
    expect(lines[4]).toBe('');
  });
});
