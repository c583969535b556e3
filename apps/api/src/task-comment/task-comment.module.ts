import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { TaskModule } from '../task/task.module';
import { TaskCommentAttachmentController } from './task-comment-attachment.controller';
import { TaskCommentAttachmentService } from './task-comment-attachment.service';
import { TaskCommentResolver } from './task-comment.resolver';
import { TaskCommentService } from './task-comment.service';

/** 评论与批示 on tasks (issue 16, item 5). */
@Module({
  imports: [TaskModule, EvidenceModule],
  controllers: [TaskCommentAttachmentController],
  providers: [TaskCommentService, TaskCommentAttachmentService, TaskCommentResolver],
  exports: [TaskCommentService],
})
export class TaskCommentModule {}
