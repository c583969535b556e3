import { chooseCycle } from './cycles';

describe('chooseCycle', () => {
  // Newest first, as the API lists them.
  const cycles = [
    { id: 'c2027', state: 'closed' },
    { id: 'c2026', state: 'open' },
    { id: 'c2025', state: 'open' },
    { id: 'c2024', state: 'closed' },
  ];

  it('takes the requested cycle when it exists, open or closed', () => {
    expect(chooseCycle(cycles, 'c2025')?.id).toBe('c2025');
    expect(chooseCycle(cycles, 'c2024')?.id).toBe('c2024');
  });

  it('falls back to the newest open cycle when none or an unknown one is requested', () => {
    expect(chooseCycle(cycles)?.id).toBe('c2026');
    expect(chooseCycle(cycles, null)?.id).toBe('c2026');
    expect(chooseCycle(cycles, 'gone')?.id).toBe('c2026');
  });

  it('falls back to the newest cycle when none is open, and to nothing without cycles', () => {
    expect(chooseCycle([cycles[0], cycles[3]], null)?.id).toBe('c2027');
    expect(chooseCycle([], 'c2026')).toBeUndefined();
  });
});
