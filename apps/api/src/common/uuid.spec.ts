import { isUuid } from './uuid';

describe('isUuid', () => {
  it.each([
    '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
    '00000000-0000-0000-0000-000000000000',
  ])('accepts %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['not an id', 'not-a-uuid'],
    ['no dashes', '3f2504e04f8941d39a0c0305e82c3301'],
    ['braces', '{3f2504e0-4f89-41d3-9a0c-0305e82c3301}'],
    ['non-hex digit', '3f2504e0-4f89-41d3-9a0c-0305e82c330g'],
    ['a group too short', '3f2504e0-4f89-41d3-9a0c-0305e82c330'],
    ['trailing newline', '3f2504e0-4f89-41d3-9a0c-0305e82c3301\n'],
    ['surrounding text', 'x3f2504e0-4f89-41d3-9a0c-0305e82c3301'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array holding one', ['3f2504e0-4f89-41d3-9a0c-0305e82c3301']],
  ])('refuses %s', (_what, value) => {
    expect(isUuid(value)).toBe(false);
  });
});
