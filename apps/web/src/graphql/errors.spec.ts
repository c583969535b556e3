import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { displayableServerMessage, toAppError } from './errors';

const response = (status: number) => ({ status }) as Response;

describe('toAppError', () => {
  it('takes the first shared error code from GraphQL errors', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        { message: 'odd', extensions: { code: 'SOMETHING_ELSE' } },
        { message: '该职责已被他人修改', extensions: { code: 'CONFLICT' } },
      ],
    });
    expect(toAppError(error)).toEqual({ code: 'CONFLICT', serverMessage: '该职责已被他人修改' });
  });

  it('recognises PASSWORD_CHANGE_REQUIRED', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: '请先修改密码', extensions: { code: 'PASSWORD_CHANGE_REQUIRED' } }],
    });
    expect(toAppError(error)).toEqual({
      code: 'PASSWORD_CHANGE_REQUIRED',
      serverMessage: '请先修改密码',
    });
  });

  it('keeps the field messages of a validation error', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: '提交的数据未通过校验：username。',
          extensions: {
            code: 'VALIDATION_FAILED',
            details: { fields: { 'input.username': ['用户名已被使用'], displayName: '不能为空' } },
          },
        },
      ],
    });
    expect(toAppError(error).fieldErrors).toEqual({
      'input.username': ['用户名已被使用'],
      displayName: ['不能为空'],
    });
  });

  it('treats GraphQL errors without a known code as internal errors', () => {
    const error = new CombinedGraphQLErrors({ data: null, errors: [{ message: 'boom' }] });
    expect(toAppError(error)).toEqual({ code: 'INTERNAL_ERROR', serverMessage: 'boom' });
  });

  it('reads GraphQL errors from the body of a non-2xx answer', () => {
    const bodyText = JSON.stringify({
      errors: [{ message: 'This operation has been blocked', extensions: { code: 'BAD_REQUEST' } }],
    });
    const error = new ServerError('bad', { response: response(400), bodyText });
    expect(toAppError(error).code).toBe('BAD_REQUEST');
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [502, 'SERVICE_UNAVAILABLE'],
    [500, 'INTERNAL_ERROR'],
    [418, 'BAD_REQUEST'],
  ])('maps HTTP status %i without a GraphQL body to %s', (status, code) => {
    const error = new ServerError('x', { response: response(status), bodyText: '<html>' });
    expect(toAppError(error).code).toBe(code);
  });

  it('reports an unreachable or non-JSON server as unavailable', () => {
    expect(toAppError(new TypeError('Failed to fetch')).code).toBe('SERVICE_UNAVAILABLE');
    const parse = new ServerParseError(new SyntaxError('Unexpected token <'), {
      response: response(200),
      bodyText: '<html>',
    });
    expect(toAppError(parse).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('treats anything else as an internal error', () => {
    expect(toAppError(new Error('?')).code).toBe('INTERNAL_ERROR');
    expect(toAppError('?').code).toBe('INTERNAL_ERROR');
  });
});

describe('displayableServerMessage', () => {
  it('shows specific Chinese server messages in the Chinese UI only', () => {
    const error = { code: 'CONFLICT', serverMessage: '该职责已被他人修改' } as const;
    expect(displayableServerMessage(error, 'zh-CN')).toBe('该职责已被他人修改');
    expect(displayableServerMessage(error, 'en-US')).toBeUndefined();
  });

  it('never shows internal details or non-Chinese technical text', () => {
    expect(
      displayableServerMessage(
        { code: 'INTERNAL_ERROR', serverMessage: '数据库连接失败' },
        'zh-CN',
      ),
    ).toBeUndefined();
    expect(
      displayableServerMessage(
        { code: 'BAD_REQUEST', serverMessage: 'Cannot query field' },
        'zh-CN',
      ),
    ).toBeUndefined();
  });
});
