import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Role } from '../../auth/role';
import { TaskCommentAttachment } from '../task-comment-attachment.entity';
import type { CommentView, UnansweredComment } from '../task-comment.service';

export enum TaskCommentKindEnum {
  COMMENT = 'COMMENT',
  INSTRUCTION = 'INSTRUCTION',
}
registerEnumType(TaskCommentKindEnum, {
  name: 'TaskCommentKind',
  valuesMap: {
    COMMENT: { description: '评论：能看到任务的督导和经办人均可发表' },
    INSTRUCTION: { description: '批示：单位上级督导（省级、所属市州）发表，置顶显示' },
  },
});

@ObjectType('CommentAttachment', {
  description:
    'A file attached to a comment; counted as task evidence only when evidenceId is set.',
})
export class CommentAttachmentModel {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field() fileType!: string;
  @Field() sha256!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The evidence row of the same content when the uploader marked it as evidence.',
  })
  evidenceId!: string | null;
  @Field() uploadedBy!: string;
  @Field() uploadedAt!: Date;
  @Field({ description: 'GET this path for the content (add ?inline=1 to preview PDF/images).' })
  downloadUrl!: string;
}

export function toAttachmentModel(a: TaskCommentAttachment): CommentAttachmentModel {
  return {
    id: a.id,
    fileName: a.originalName,
    size: Number(a.size),
    fileType: a.fileType,
    sha256: a.sha256,
    evidenceId: a.evidenceId,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt,
    downloadUrl: `/api/comment-attachments/${a.id}/content`,
  };
}

@ObjectType('CommentMention', { description: 'A unit (by code) or a role mentioned in a comment.' })
export class CommentMentionModel {
  @Field({ description: 'UNIT or ROLE.' }) type!: string;
  @Field(() => String, { nullable: true }) unitCode!: string | null;
  @Field(() => Role, { nullable: true }) role!: Role | null;
  @Field({ description: 'Unit name or role name (Chinese).' }) label!: string;
}

@ObjectType('TaskComment', { description: '评论或批示 on a task (append-only).' })
export class TaskCommentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field(() => ID, { nullable: true, description: 'The comment this one answers.' })
  parentId!: string | null;
  @Field(() => TaskCommentKindEnum) kind!: TaskCommentKindEnum;
  @Field() authorUsername!: string;
  @Field() authorDisplayName!: string;
  @Field(() => Role) authorRole!: Role;
  @Field(() => String, { nullable: true }) authorUnitCode!: string | null;
  @Field() body!: string;
  @Field(() => [CommentMentionModel]) mentions!: CommentMentionModel[];
  @Field(() => [CommentAttachmentModel]) attachments!: CommentAttachmentModel[];
  @Field({ description: 'Instructions are pinned at the top.' }) pinned!: boolean;
  @Field() createdAt!: Date;
}

export function toCommentModel(c: CommentView): TaskCommentModel {
  return {
    id: c.id,
    taskId: c.taskId,
    parentId: c.parentId,
    kind: c.kind as TaskCommentKindEnum,
    authorUsername: c.authorUsername,
    authorDisplayName: c.authorDisplayName,
    authorRole: c.authorRole as Role,
    authorUnitCode: c.authorUnitCode,
    body: c.body,
    mentions: c.mentions.map((m, i) => ({
      type: m.type,
      unitCode: m.type === 'UNIT' ? m.code : null,
      role: m.type === 'ROLE' ? (m.role as Role) : null,
      label: c.mentionLabels[i],
    })),
    attachments: c.attachments.map(toAttachmentModel),
    pinned: c.pinned,
    createdAt: c.createdAt,
  };
}

@ObjectType('MentionableUnit')
export class MentionableUnitModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
}

@ObjectType('TaskDiscussion', {
  description: 'A task’s comments (oldest first) and what the caller may do there.',
})
export class TaskDiscussionModel {
  @Field(() => ID) taskId!: string;
  @Field(() => [TaskCommentModel]) comments!: TaskCommentModel[];
  @Field({ description: 'May write comments (not auditors; open cycle).' }) canComment!: boolean;
  @Field({ description: 'May write instructions (批示): the supervisors over the unit.' })
  canInstruct!: boolean;
  @Field({ description: 'May mark attachments as the task’s evidence (the task’s operator).' })
  canAttachEvidence!: boolean;
  @Field(() => [MentionableUnitModel], {
    description: 'Units a comment may mention: the task’s unit and its superiors.',
  })
  mentionableUnits!: MentionableUnitModel[];
}

@ObjectType('UnansweredComment')
export class UnansweredCommentModel {
  @Field(() => TaskCommentModel) comment!: TaskCommentModel;
  @Field({ description: 'The task: article and duty subject.' }) taskLabel!: string;
  @Field() unitName!: string;
}

export function toUnansweredModel(u: UnansweredComment): UnansweredCommentModel {
  return { comment: toCommentModel(u.comment), taskLabel: u.taskLabel, unitName: u.unitName };
}

@ObjectType('UnansweredCommentConnection')
export class UnansweredCommentConnectionModel {
  @Field(() => [UnansweredCommentModel]) nodes!: UnansweredCommentModel[];
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class CommentMentionInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(12) unitCode?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
}

@InputType()
export class AddTaskCommentInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  // The service states the real limit (5000) in Chinese; this only bounds the request.
  @Field() @IsString() @MaxLength(20000) body!: string;
  @Field(() => TaskCommentKindEnum, { defaultValue: TaskCommentKindEnum.COMMENT })
  @IsEnum(TaskCommentKindEnum)
  kind!: TaskCommentKindEnum;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string;
  @Field(() => [CommentMentionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CommentMentionInput)
  mentions?: CommentMentionInput[];
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
