import { formFieldErrors } from './formFieldErrors';

const error = {
  code: 'VALIDATION_FAILED',
  serverMessage: '提交的数据未通过校验：username、displayName。',
  fieldErrors: {
    'input.username': ['用户名已被使用', 'username must be shorter than 64 characters'],
    displayName: ['姓名不能为空'],
    'input.other': ['不在表单中'],
  },
} as const;

describe('formFieldErrors', () => {
  it('matches server fields by path or last segment and keeps Chinese messages', () => {
    expect(formFieldErrors(error, ['username', 'displayName'], 'zh-CN', '此项未通过校验')).toEqual([
      { name: 'username', errors: ['用户名已被使用', '此项未通过校验'] },
      { name: 'displayName', errors: ['姓名不能为空'] },
    ]);
  });

  it('shows the generic text in the English UI', () => {
    expect(formFieldErrors(error, ['displayName'], 'en-US', 'This field is not valid')).toEqual([
      { name: 'displayName', errors: ['This field is not valid'] },
    ]);
  });

  it('has nothing for errors without field details', () => {
    expect(formFieldErrors({ code: 'CONFLICT' }, ['username'], 'zh-CN', 'x')).toEqual([]);
  });
});
