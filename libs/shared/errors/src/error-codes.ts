/**
 * Stable machine-readable error codes shared by the API (in GraphQL `extensions.code`
 * and JSON error bodies) and the web app (which maps them to localized messages).
 * Codes are part of the public contract: add new ones, never rename or reuse.
 */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /**
   * The password was right but the session still owes its second factor: a code (TOTP or
   * recovery code), or the enrolment the role requires; `me.secondFactorStep` says which.
   */
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** An uploaded evidence file was refused (type, size, structure); details name each file. */
  EVIDENCE_REJECTED: 'EVIDENCE_REJECTED',
  /** Stored evidence is missing or does not match its recorded hash. */
  EVIDENCE_INTEGRITY: 'EVIDENCE_INTEGRITY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** Too many attempts (HTTP 429); `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value);
}

/** Default Chinese messages, used when the server has nothing more specific to say. */
export const defaultErrorMessagesZh: Readonly<Record<ErrorCode, string>> = {
  BAD_REQUEST: '请求格式不正确。',
  VALIDATION_FAILED: '提交的数据未通过校验，请检查后重试。',
  UNAUTHENTICATED: '请先登录。',
  FORBIDDEN: '您没有执行此操作的权限。',
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码被重置后，请先修改密码。',
  SECOND_FACTOR_REQUIRED: '请先完成双因素认证（输入动态验证码或绑定身份验证器）。',
  NOT_FOUND: '未找到相应的数据。',
  CONFLICT: '数据已被他人修改，请刷新后重试。',
  QUERY_TOO_COMPLEX: '查询过于复杂，请缩小查询范围。',
  PAYLOAD_TOO_LARGE: '上传的内容超过大小限制。',
  UNSUPPORTED_MEDIA_TYPE: '请求的内容类型不受支持。',
  EVIDENCE_REJECTED: '佐证材料未通过检查，未保存任何文件。',
  EVIDENCE_INTEGRITY: '佐证材料完整性校验失败，请联系管理员执行完整性检查。',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试。',
  INTERNAL_ERROR: '系统内部错误，请稍后重试或联系管理员。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
};
