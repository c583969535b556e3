import { overviewPath, tasksPath, unitPath, unitTaskScope } from './links';

describe('tasksPath', () => {
  it('puts only the given keys into the query string, statuses comma-separated', () => {
    expect(tasksPath({})).toBe('/tasks');
    expect(
      tasksPath({
        cycleId: 'c1',
        unitCode: '422801',
        statuses: ['NOT_STARTED', 'IN_PROGRESS'],
        overdue: true,
        chapterNumber: 3,
      }),
    ).toBe(
      '/tasks?cycleId=c1&unitCode=422801&status=NOT_STARTED%2CIN_PROGRESS&overdue=true&chapterNumber=3',
    );
    expect(tasksPath({ cycleId: 'c1', prefectureCode: '422800', overdue: false })).toBe(
      '/tasks?cycleId=c1&prefectureCode=422800',
    );
  });
});

describe('unitPath / overviewPath / unitTaskScope', () => {
  it('builds the paths of the unit and overview pages', () => {
    expect(unitPath('420102', 'c 1')).toBe('/units/420102?cycleId=c%201');
    expect(unitPath('420102')).toBe('/units/420102');
    expect(overviewPath('c1', '422800')).toBe('/overview?cycleId=c1&prefectureCode=422800');
    expect(overviewPath(undefined)).toBe('/overview');
  });

  it('asks for a prefecture with its units, any other unit alone', () => {
    expect(unitTaskScope('422800', true)).toEqual({ prefectureCode: '422800' });
    expect(unitTaskScope('429004', false)).toEqual({ unitCode: '429004' });
  });
});
