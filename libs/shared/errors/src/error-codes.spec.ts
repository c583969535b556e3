import { defaultErrorMessagesZh, ErrorCode, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('recognises every declared code and nothing else', () => {
    for (const code of Object.values(ErrorCode)) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('has a non-empty Chinese message for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(defaultErrorMessagesZh[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
