import { isTypingTarget, moveSelection, nextAfter } from './queue';
import { firstLine, queueUrl, readQueueParams } from './queueParams';

describe('queue settings in the address', () => {
  it('reads defaults for missing or unknown values', () => {
    expect(readQueueParams(new URLSearchParams('page=0&size=7&order=sideways'))).toEqual({
      search: '',
      order: 'newest',
      page: 1,
      pageSize: 20,
    });
    expect(readQueueParams(new URLSearchParams('q=恩施&order=oldest&page=3&size=50'))).toEqual({
      search: '恩施',
      order: 'oldest',
      page: 3,
      pageSize: 50,
    });
  });

  it('writes only what differs from the defaults', () => {
    expect(queueUrl(undefined, { search: ' ', order: 'newest', page: 1, pageSize: 20 })).toBe(
      '/review',
    );
    expect(queueUrl('c1', { search: '质量', order: 'oldest', page: 2, pageSize: 50 })).toBe(
      `/review?cycleId=c1&q=${encodeURIComponent('质量')}&order=oldest&page=2&size=50`,
    );
  });

  it('takes the first non-empty line of a duty', () => {
    expect(firstLine('\n  县级以上人民政府应当加强。\n（一）建设')).toBe(
      '县级以上人民政府应当加强。',
    );
    expect(firstLine('')).toBe('');
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
