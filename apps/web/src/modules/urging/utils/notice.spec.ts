import { issuableColours, noticeStage, summarise, unitsWithin, type UnitCounts } from './notice';

const unit = (
  code: string,
  parent: string | null,
  counts: Partial<UnitCounts> = {},
): UnitCounts => ({
  unitCode: code,
  unitName: code,
  level: 'county',
  parentCode: parent,
  blue: 0,
  orange: 0,
  red: 0,
  unacknowledged: 0,
  unanswered: 0,
  issued: 0,
  ...counts,
});

describe('urging notice helpers', () => {
  it.each([
    [{ closedAt: null, acknowledgedAt: null, answeredAt: null }, 'unacknowledged'],
    [{ closedAt: null, acknowledgedAt: 't', answeredAt: null }, 'acknowledged'],
    [{ closedAt: null, acknowledgedAt: 't', answeredAt: 't' }, 'answered'],
    [{ closedAt: 't', acknowledgedAt: null, answeredAt: null }, 'closed'],
  ] as const)('stage of %o is %s', (notice, stage) => {
    expect(noticeStage(notice)).toBe(stage);
  });

  it('offers only colours above the open notice', () => {
    expect(issuableColours(null)).toEqual(['BLUE', 'ORANGE', 'RED']);
    expect(issuableColours('BLUE')).toEqual(['ORANGE', 'RED']);
    expect(issuableColours('RED')).toEqual([]);
  });

  it('keeps a prefecture and its counties, and sums and orders the units by urgency', () => {
    const rows = [
      unit('422800', '420000'),
      unit('422801', '422800', { blue: 2, issued: 3, unanswered: 2 }),
      unit('422802', '422800', { red: 1, issued: 4, unacknowledged: 1 }),
      unit('420102', '420100', { orange: 5, issued: 5 }),
    ];
    const enshi = unitsWithin(rows, '422800');
    expect(enshi.map((r) => r.unitCode)).toEqual(['422800', '422801', '422802']);
    const { totals, withOpen } = summarise(enshi);
    expect(totals).toEqual({
      blue: 2,
      orange: 0,
      red: 1,
      unacknowledged: 1,
      unanswered: 2,
      issued: 7,
    });
    expect(withOpen.map((r) => r.unitCode)).toEqual(['422802', '422801']);
  });
});
