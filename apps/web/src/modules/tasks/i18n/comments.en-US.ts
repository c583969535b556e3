import type { taskCommentsZh } from './comments.zh-CN';

/** English texts of the task comments panel. */
export const taskCommentsEn: typeof taskCommentsZh = {
  title: 'Comments and instructions',
  empty: 'No comments yet. Write one below, or mention a unit or a role.',
  instructions: 'Supervisors’ instructions',
  instructionTag: 'Instruction',
  pinned: 'Pinned',
  reply: 'Reply',
  replyingTo: 'Replying to {{name}}:',
  cancelReply: 'Cancel reply',
  placeholder: 'Write a comment (up to 5000 characters)',
  placeholderInstruction:
    'Write an instruction (up to 5000 characters); it is pinned and the operators are notified',
  kindComment: 'Comment',
  kindInstruction: 'Instruction',
  mentions: 'Mention units or roles',
  mentionsPlaceholder: 'Units or roles to notify (optional)',
  mentionUnit: 'Unit',
  mentionRole: 'Role',
  roles: {
    PROVINCIAL_SUPERVISOR: 'Provincial supervisors',
    PREFECTURE_SUPERVISOR: 'Prefecture supervisors',
    COUNTY_OPERATOR: 'County operators',
  },
  attach: 'Attach files',
  attachHint: 'Attachments do not count as the task’s evidence unless “As evidence” is ticked.',
  asEvidence: 'As evidence of this task (counted, usable for submission)',
  uploading: 'Uploading attachments…',
  submit: 'Post',
  submitInstruction: 'Post instruction',
  posted: 'Posted',
  bodyRequired: 'Please write something',
  tooLong: 'Too long (at most {{max}} characters)',
  countedAsEvidence: 'Counted as evidence',
  readOnly: 'You can read the comments but not write (read-only role or closed cycle).',
  by: '{{name}} · {{time}}',
  history: {
    comment: 'Commented: {{excerpt}}',
    reply: 'Replied: {{excerpt}}',
    instruction: 'Instruction: {{excerpt}}',
  },
};
