import { DemoActorAccount, demoActors } from './demo-actors';

const account = (
  username: string,
  role: string,
  unitCode: string | null = null,
  departmentId: string | null = null,
): DemoActorAccount => ({ username, role, unitCode, departmentId });

const ACCOUNTS = [
  account('sysadmin', 'SYSTEM_ADMIN'),
  account('province', 'PROVINCIAL_SUPERVISOR'),
  account('enshi-zhou', 'PREFECTURE_SUPERVISOR', '422800'),
  account('enshi-scjg', 'COUNTY_OPERATOR', '422801', 'dept-market-422801'),
  account('jiangan-scjg', 'COUNTY_OPERATOR', '420102', 'dept-market-420102'),
  account('auditor', 'AUDITOR'),
];

describe('demoActors', () => {
  const actors = demoActors(ACCOUNTS, 'demo-seed');

  it('gives the lead department’s work to its operator, the seed where it has none', () => {
    expect(actors.operator('422801', 'dept-market-422801')).toBe('enshi-scjg');
    expect(actors.operator('420102', 'dept-market-420102')).toBe('jiangan-scjg');
    // Another department of the same unit: its operator would have done it, and there is none.
    expect(actors.operator('422801', 'dept-finance-422801')).toBe('demo-seed');
    expect(actors.operator('422802', 'dept-market-422802')).toBe('demo-seed');
  });

  it('gives decisions to the supervisor over the unit: the prefecture’s, else the province’s', () => {
    expect(actors.verifier({ code: '422801', parentCode: '422800' })).toBe('enshi-zhou');
    expect(actors.verifier({ code: '422802', parentCode: '422800' })).toBe('enshi-zhou');
    expect(actors.verifier({ code: '420102', parentCode: '420100' })).toBe('province');
    // The prefecture's own tasks are decided by the province.
    expect(actors.verifier({ code: '422800', parentCode: '420000' })).toBe('province');
    expect(actors.cycle).toBe('province');
  });

  it('is deterministic whatever the order of the accounts: the first by username acts', () => {
    const more = [
      ...ACCOUNTS,
      account('a-province', 'PROVINCIAL_SUPERVISOR'),
      account('a-enshi-scjg', 'COUNTY_OPERATOR', '422801', 'dept-market-422801'),
    ];
    for (const list of [more, [...more].reverse()]) {
      const a = demoActors(list, 'demo-seed');
      expect(a.cycle).toBe('a-province');
      expect(a.operator('422801', 'dept-market-422801')).toBe('a-enshi-scjg');
    }
  });

  it('falls back to the seed for everything when there are no accounts', () => {
    const none = demoActors([], 'demo-seed');
    expect(none.cycle).toBe('demo-seed');
    expect(none.operator('422801', 'dept-market-422801')).toBe('demo-seed');
    expect(none.verifier({ code: '422801', parentCode: '422800' })).toBe('demo-seed');
  });
});
