import { integrityOf } from './integrity';

describe('integrityOf', () => {
  it('reads a finished run', () => {
    expect(
      integrityOf({
        status: 'ready',
        details: {
          evidenceIntegrity: {
            status: 'problems',
            finishedAt: '2026-03-01T02:00:00.000Z',
            source: 'schedule',
            checked: 120,
            missing: 1,
            corrupt: 2,
            unreferenced: 0,
          },
        },
      }),
    ).toEqual({
      status: 'problems',
      finishedAt: '2026-03-01T02:00:00.000Z',
      source: 'schedule',
      checked: 120,
      missing: 1,
      corrupt: 2,
      unreferenced: 0,
    });
  });

  it('reads “not run” and rejects anything else', () => {
    expect(integrityOf({ details: { evidenceIntegrity: { status: 'not_run' } } })).toEqual({
      status: 'not_run',
    });
    expect(integrityOf({ status: 'not_ready' })).toBeUndefined();
    expect(integrityOf({ details: { evidenceIntegrity: { status: 'weird' } } })).toBeUndefined();
    expect(integrityOf(null)).toBeUndefined();
  });
});
