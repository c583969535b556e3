import { DatabaseAvailability, isDatabaseUnavailableError } from './database-availability';

describe('isDatabaseUnavailableError', () => {
  it('recognises lost and refused connections, also wrapped by TypeORM or GraphQL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isDatabaseUnavailableError(refused)).toBe(true);
    expect(isDatabaseUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailableError({ message: 'query failed', driverError: { code: '57P01' } }),
    ).toBe(true);
    expect(isDatabaseUnavailableError({ originalError: { code: '08006' } })).toBe(true);
    expect(isDatabaseUnavailableError(new AggregateError([refused], 'all failed'))).toBe(true);
    const released = Object.assign(new Error('Query runner already released.'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    expect(isDatabaseUnavailableError(released)).toBe(true);
    expect(isDatabaseUnavailableError(new Error('the database system is starting up'))).toBe(true);
  });

  it('leaves errors of a working database alone', () => {
    expect(isDatabaseUnavailableError({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseUnavailableError({ driverError: { code: '22P02' } })).toBe(false);
    expect(isDatabaseUnavailableError(new Error('NOT_FOUND'))).toBe(false);
    expect(isDatabaseUnavailableError(undefined)).toBe(false);
  });
});

describe('DatabaseAvailability', () => {
  it('counts an outage from its first report and fails past the limit', () => {
    let now = 1_000;
    const availability = new DatabaseAvailability({ outageLimitMs: 5_000, now: () => now });
    expect(availability.available).toBe(true);
    expect(availability.markUnavailable('refused')).toBe(true);
    now += 3_000;
    expect(availability.markUnavailable('refused again')).toBe(false);
    expect(availability.unavailableForMs).toBe(3_000);
    expect(availability.beyondLimit).toBe(false);
    now += 2_001;
    expect(availability.beyondLimit).toBe(true);
    expect(availability.markAvailable()).toBe(5_001);
    expect(availability.available).toBe(true);
    expect(availability.beyondLimit).toBe(false);
    expect(availability.markAvailable()).toBeUndefined();
  });
});
