import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [1.25 * 1024 ** 3, '1.3 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes, 'zh-CN')).toBe(text);
  });

  it('groups digits the local way and refuses nonsense', () => {
    expect(formatBytes(1000, 'en-US')).toBe('1,000 B');
    expect(formatBytes(-1, 'zh-CN')).toBe('—');
  });
});
