import { ErrorCode } from '@duty/shared/errors';
import { Role } from '../auth/role';
import { AppError } from '../graphql/app-error';
import type { CommentMention } from './task-comment.entity';

/** Who may write comments: everyone who sees tasks except the auditor (read-only) and the administrators. */
export const COMMENTERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

/** Roles a comment may mention (their users within the task's jurisdiction are notified). */
export const MENTIONABLE_ROLES = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_MENTIONS = 10;
export const MAX_ATTACHMENTS = 10;

/** The body as stored: NFC, trimmed, 1 … 5000 characters, or VALIDATION_FAILED. */
export function normaliseBody(raw: string): string {
  const body = raw.normalize('NFC').trim();
  if (!body) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写评论内容。', {
      fields: { body: '请填写内容。' },
    });
  }
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `评论内容过长（最多 ${MAX_COMMENT_LENGTH} 字，当前 ${body.length} 字）。`,
      { fields: { body: 'too_long' } },
    );
  }
  return body;
}

/**
 * Mentions as given (unit codes and role names), checked for form and de-duplicated; whether a
 * unit may be mentioned on this task is decided by the service (the task's unit and its
 * superiors only).
 */
export function normaliseMentions(
  raw: ReadonlyArray<{ unitCode?: string | null; role?: string | null }>,
): CommentMention[] {
  if (raw.length > MAX_MENTIONS) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `一条评论最多提及 ${MAX_MENTIONS} 个单位或角色。`,
      {
        fields: { mentions: 'too_many' },
      },
    );
  }
  const out: CommentMention[] = [];
  const seen = new Set<string>();
  for (const m of raw) {
    const unit = m.unitCode?.trim();
    const role = m.role?.trim();
    if ((unit ? 1 : 0) + (role ? 1 : 0) !== 1) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        '每个提及须且只能指定一个单位代码或一个角色。',
        {
          fields: { mentions: 'invalid' },
        },
      );
    }
    if (unit) {
      if (!/^\d{6}$/.test(unit)) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `提及的单位代码“${unit}”无效（须为 6 位数字）。`,
          {
            fields: { mentions: 'invalid_unit' },
          },
        );
      }
      if (!seen.has(`U:${unit}`)) out.push({ type: 'UNIT', code: unit });
      seen.add(`U:${unit}`);
    } else if (role) {
      if (!(MENTIONABLE_ROLES as readonly string[]).includes(role)) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, `不能提及角色“${role}”。`, {
          fields: { mentions: 'invalid_role' },
        });
      }
      if (!seen.has(`R:${role}`)) out.push({ type: 'ROLE', role });
      seen.add(`R:${role}`);
    }
  }
  return out;
}

/** A short single-line excerpt for notifications and the history. */
export function excerpt(body: string, max = 60): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
