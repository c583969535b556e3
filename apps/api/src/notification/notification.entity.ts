import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { KIND_CHECK_LIST } from './notification-kinds';
import type { NotificationKind } from './notification.service';

/**
 * An in-app notification (站内消息) for one person. Recipients are resolved when the event
 * happens (roles and jurisdictions at that time); a dedupe key makes a job's second run a no-op.
 */
@Entity({ name: 'notification' })
@Index('UQ_notification_dedupe', ['recipientUsername', 'dedupeKey'], {
  unique: true,
  where: '"dedupe_key" IS NOT NULL',
})
@Index('IDX_notification_recipient', ['recipientUsername', 'createdAt'])
@Index('IDX_notification_unread', ['recipientUsername'], { where: '"read_at" IS NULL' })
@Check('CHK_notification_kind', `"kind" IN (${KIND_CHECK_LIST})`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_username', type: 'varchar', length: 64 })
  recipientUsername!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Web path of the work behind the notification, e.g. /tasks/<id>. */
  @Column({ type: 'varchar', length: 500 })
  link!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ name: 'unit_code', type: 'varchar', length: 12, nullable: true })
  unitCode!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
