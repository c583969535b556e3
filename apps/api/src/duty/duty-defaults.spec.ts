import { initialDepartments, initialTracked } from './duty-defaults';

describe('duty defaults', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    // A non-government statement is never tracked, whatever the suggestion says.
    [false, true, false],
    [false, false, false],
  ] as const)(
    'government=%s suggested=%s → tracked %s',
    (governmentDuty, trackedByDefault, tracked) => {
      expect(initialTracked({ governmentDuty, trackedByDefault })).toBe(tracked);
    },
  );

  it('leads with the suggested department, others named (and 会同 ones) assist', () => {
    expect(
      initialDepartments('d1', {
        governmentDuty: true,
        departments: ['development_reform', 'market_regulation'],
        assistingDepartments: ['financial_regulation'],
        suggestedLeadDepartment: 'market_regulation',
      }),
    ).toEqual([
      { dutyId: 'd1', departmentCode: 'market_regulation', role: 'lead', fromText: true },
      { dutyId: 'd1', departmentCode: 'development_reform', role: 'assist', fromText: true },
      { dutyId: 'd1', departmentCode: 'financial_regulation', role: 'assist', fromText: true },
    ]);
  });

  it('marks a default lead as not from the text, and gives non-government duties none', () => {
    expect(
      initialDepartments('d2', {
        governmentDuty: true,
        departments: [],
        assistingDepartments: [],
        suggestedLeadDepartment: 'market_regulation',
      }),
    ).toEqual([
      { dutyId: 'd2', departmentCode: 'market_regulation', role: 'lead', fromText: false },
    ]);
    expect(
      initialDepartments('d3', {
        governmentDuty: false,
        departments: ['finance'],
        assistingDepartments: [],
        suggestedLeadDepartment: null,
      }),
    ).toEqual([]);
  });
});
