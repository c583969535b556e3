import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  CHANNEL_CHECK_LIST,
  DELIVERY_STATUS_CHECK_LIST,
  DeliveryStatus,
  NotificationChannel,
} from './notification-kinds';
import { Notification } from './notification.entity';

/**
 * The outbox: one row per notification and external channel (email, webhook), written in the
 * transaction of the event and sent by the dispatcher. The row's id is the idempotency key the
 * receiver sees (email Message-ID, X-Duty-Delivery), so a message that was in flight when a
 * server died and is sent again can be recognised.
 */
@Entity({ name: 'notification_delivery' })
@Index('IDX_notification_delivery_due', ['nextAttemptAt'], {
  where: `"status" IN ('PENDING', 'SENDING')`,
})
@Index('IDX_notification_delivery_log', ['createdAt'])
@Index('IDX_notification_delivery_notification', ['notificationId'])
@Check('CHK_notification_delivery_channel', `"channel" IN (${CHANNEL_CHECK_LIST})`)
@Check('CHK_notification_delivery_status', `"status" IN (${DELIVERY_STATUS_CHECK_LIST})`)
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId!: string;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @Column({ name: 'recipient_username', type: 'varchar', length: 64 })
  recipientUsername!: string;

  @Column({ type: 'varchar', length: 10 })
  channel!: NotificationChannel;

  /** The email address or webhook URL, as it was when the notification was made. */
  @Column({ type: 'varchar', length: 500 })
  target!: string;

  /** What is sent (the webhook body; subject and text of the email). */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Not before: the next retry (backoff) or the end of the recipient's quiet hours. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** When a dispatcher claimed the row (SENDING); a claim older than the lease is taken over. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
