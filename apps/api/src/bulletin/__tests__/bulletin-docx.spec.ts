import {
  BulletinContent,
  bulletinDocument,
  elapsedShare,
  isBehind,
  parsePeriod,
  rankUnits,
  BulletinUnitRow,
} from '../bulletin-content';
import { buildBulletinDocx, BULLETIN_FONTS } from '../docx/bulletin-docx';
import { docxParts, paragraphs, tableRows } from './docx-parts';

function unit(
  code: string,
  name: string,
  tasks: number,
  verified: number,
  extra: Partial<BulletinUnitRow> = {},
): BulletinUnitRow {
  return {
    code,
    name,
    self: false,
    tasks,
    verified,
    submitted: 0,
    inProgress: tasks - verified,
    notStarted: 0,
    returned: 0,
    overdue: 0,
    completionRate: tasks ? verified / tasks : 0,
    rank: null,
    behind: false,
    expected: 0.5,
    ...extra,
  };
}

const period = parsePeriod('MONTH', '2026-11')!;

function content(overrides: Partial<BulletinContent> = {}): BulletinContent {
  return {
    version: 1,
    scope: { code: '422800', name: '恩施土家族苗族自治州', level: 'prefecture' },
    period,
    asOf: '2026-11-30',
    regulationTitle: '湖北省质量促进条例（草案）',
    cycle: { id: 'c', title: '2026年度', startDate: '2026-01-01', dueDate: '2026-12-31' },
    title: '关于2026年11月份《湖北省质量促进条例》履职工作推进情况的通报',
    issuingBody: '恩施州质量工作督查督办办公室',
    addressee: '各县、市人民政府：',
    intro: '现将有关情况通报如下。',
    requirements: '抓紧整改。\n按期反馈。',
    number: '2026年第3期',
    issueDate: '2026-12-03',
    summary: {
      tasks: 30,
      verified: 12,
      submitted: 3,
      overdue: 2,
      completionRate: 0.4,
      elapsedFraction: 0.9151,
      threshold: 0.7,
      unitsBehind: 1,
    },
    units: rankUnits([
      unit('422800', '恩施州本级', 4, 4, { self: true }),
      unit('422801', '恩施市', 10, 2, { behind: true, overdue: 2 }),
      unit('422802', '利川市', 10, 6),
      unit('422822', '建始县', 6, 0, { tasks: 6 }),
    ]),
    urging: {
      rows: [{ code: '422801', name: '恩施市', blue: 2, orange: 1, red: 0, unanswered: 1 }],
      blue: 2,
      orange: 1,
      red: 0,
    },
    overdue: {
      total: 2,
      limit: 30,
      tasks: [
        {
          taskId: 't1',
          unitName: '恩施市',
          article: 12,
          subject: '建立质量奖励制度',
          department: '恩施市市场监督管理局',
          dueDate: '2026-10-31',
          daysOverdue: 30,
          status: 'IN_PROGRESS',
        },
      ],
    },
    goodPractices: [
      {
        taskId: 't9',
        unitName: '利川市',
        article: 8,
        subject: '开展质量提升行动',
        department: '利川市市场监督管理局',
        verifiedOn: '2026-11-20',
        comment: '措施具体，成效明显，值得推广。',
      },
    ],
    ...overrides,
  };
}

describe('bulletin content model', () => {
  it.each([
    ['MONTH', '2026-02', '2026-02-01', '2026-02-28', '2026年2月份'],
    ['MONTH', '2028-02', '2028-02-01', '2028-02-29', '2028年2月份'],
    ['QUARTER', '2026-q4', '2026-10-01', '2026-12-31', '2026年第四季度'],
    ['QUARTER', '2026-Q1', '2026-01-01', '2026-03-31', '2026年第一季度'],
  ] as const)('parses %s %s', (kind, key, start, end, label) => {
    expect(parsePeriod(kind, key)).toMatchObject({ start, end, label });
  });

  it.each([
    ['MONTH', '2026-13'],
    ['MONTH', '2026-Q1'],
    ['QUARTER', '2026-Q5'],
    ['QUARTER', '2026-11'],
    ['MONTH', 'x'],
  ] as const)('refuses %s %s', (kind, key) => {
    expect(parsePeriod(kind, key)).toBeNull();
  });

  it('ranks by completion exactly, leaves the scope itself and empty units unranked', () => {
    const ranked = rankUnits([
      unit('1', 'A本级', 2, 2, { self: true }),
      unit('2', 'B', 3, 1),
      unit('3', 'C', 6, 2),
      unit('4', 'D', 0, 0),
      unit('5', 'E', 4, 3),
    ]);
    // E 3/4 first; B 1/3 and C 2/6 tie on the rate: C has more verified tasks.
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['1', null],
      ['2', 3],
      ['3', 2],
      ['4', null],
      ['5', 1],
    ]);
  });

  it('is behind exactly below threshold × elapsed, not on the boundary', () => {
    const share = elapsedShare({ startDate: '2026-01-01', dueDate: '2026-01-11' }, '2026-01-06');
    expect(share).toEqual({ num: 5, den: 10 });
    // 0.7 × 0.5 = 0.35: 7 of 20 is exactly on it, 6 of 20 below.
    expect(isBehind(7, 20, 0.7, share)).toBe(false);
    expect(isBehind(6, 20, 0.7, share)).toBe(true);
    expect(isBehind(0, 0, 0.7, share)).toBe(false);
  });

  it('lays out the sections in order with the ranking table', () => {
    const doc = bulletinDocument(content());
    const headings = doc.blocks
      .filter((b) => b.kind === 'HEADING')
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、总体情况',
      '二、各地完成情况及排名',
      '三、进度滞后单位',
      '四、督办单情况',
      '五、逾期未完成任务',
      '六、典型做法',
      '七、下一步工作要求',
    ]);
    const ranking = doc.blocks.find((b) => b.kind === 'TABLE')!;
    expect(ranking.kind === 'TABLE' && ranking.rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', '利川市'],
      ['2', '恩施市（滞后）'],
      ['3', '建始县'],
      ['—', '恩施州本级'],
    ]);
    const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain(
      '截至2026年11月30日，恩施土家族苗族自治州共有履职任务30项，已核验办结12项',
    );
    expect(text).toContain('共发出督办单3份，其中蓝色2份、橙色1份、红色0份');
    expect(text).toContain('（一）利川市：第八条“开展质量提升行动”');
    expect(text).toContain('1. 抓紧整改。');
  });

  it('says so when the urging register does not exist and nothing is overdue', () => {
    const doc = bulletinDocument(
      content({ urging: null, overdue: { total: 0, limit: 30, tasks: [] }, goodPractices: [] }),
    );
    const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain('尚未启用三色督办单');
    expect(text).toContain('没有逾期未完成的任务');
    expect(text).toContain('本期未选取典型做法');
  });
});

describe('bulletin DOCX builder', () => {
  it('writes the document blocks as a Word file with the official fonts and tables', async () => {
    const c = content();
    const bytes = await buildBulletinDocx(bulletinDocument(c), {
      creator: c.issuingBody,
      created: new Date('2026-12-03T02:00:00Z'),
    });
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const parts = await docxParts(bytes);
    const xml = parts.get('word/document.xml')!;
    const texts = paragraphs(xml);
    expect(texts).toEqual(
      expect.arrayContaining([
        '情况通报',
        '2026年第3期',
        '关于2026年11月份《湖北省质量促进条例》履职工作推进情况的通报',
        '一、总体情况',
        '七、下一步工作要求',
      ]),
    );
    expect(
      texts.some(
        (t) => t.startsWith('恩施州质量工作督查督办办公室') && t.endsWith('2026年12月3日'),
      ),
    ).toBe(true);
    const rows = tableRows(xml);
    expect(rows).toContain('排名|单位|任务数|已核验|已提交|推进中|未开始|逾期|完成率');
    expect(rows).toContain('1|利川市|10|6|0|4|0|0|60.0%');
    expect(rows).toContain('2|恩施市（滞后）|10|2|0|8|0|2|20.0%');
    expect(rows).toContain('恩施市|2|1|0|3|1');
    expect(rows).toContain(
      '恩施市|第十二条|建立质量奖励制度|恩施市市场监督管理局|2026-10-31|30|推进中',
    );
    // Header rows repeat on each page.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain(`w:eastAsia="${BULLETIN_FONTS.body.name}"`);
    expect(xml).toContain(`w:eastAsia="${BULLETIN_FONTS.title.name}"`);
    const fonts = parts.get('word/fontTable.xml')!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:charset w:val="86"/>');
    expect(parts.get('docProps/core.xml')).toContain('2026-12-03T02:00:00Z');
  });

  it('marks a draft', async () => {
    const c = content();
    const bytes = await buildBulletinDocx(bulletinDocument(c), {
      creator: 'x',
      created: new Date(),
      draft: true,
    });
    expect(paragraphs((await docxParts(bytes)).get('word/document.xml')!)).toContain(
      '（草稿，未发布，仅供核对）',
    );
  });
});
