import { isTypingTarget, moveSelection, nextAfter, oldestFirst } from './queue';

describe('oldestFirst', () => {
  it('orders by submission time, then id', () => {
    const tasks = [
      { id: 'b', updatedAt: '2026-03-02T00:00:00.000Z' },
      { id: 'c', updatedAt: '2026-03-01T00:00:00.000Z' },
      { id: 'a', updatedAt: '2026-03-02T00:00:00.000Z' },
    ];
    expect(oldestFirst(tasks).map((t) => t.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('nextAfter', () => {
  it('moves on to the next task, or back to the previous one at the end', () => {
    expect(nextAfter(['a', 'b', 'c'], 'b')).toBe('c');
    expect(nextAfter(['a', 'b', 'c'], 'c')).toBe('b');
    expect(nextAfter(['a'], 'a')).toBeUndefined();
  });
});

describe('moveSelection', () => {
  it('steps within the list', () => {
    expect(moveSelection(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(moveSelection(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(moveSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(moveSelection(['a', 'b'], undefined, 1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeUndefined();
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from buttons', () => {
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(isTypingTarget(radio)).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
