import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppUser } from '../user/user.entity';
import { CHANNEL_CHECK_LIST, KIND_CHECK_LIST, NotificationChannel } from './notification-kinds';
import type { NotificationKind } from './notification.service';

/**
 * A user's choice for one kind on one channel. No row: on (email only once the user has given an
 * address). In-app notifications are always on and have no row.
 */
@Entity({ name: 'notification_setting' })
@Check('CHK_notification_setting_kind', `"kind" IN (${KIND_CHECK_LIST})`)
@Check('CHK_notification_setting_channel', `"channel" IN (${CHANNEL_CHECK_LIST})`)
export class NotificationSetting {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUser;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  channel!: NotificationChannel;

  @Column({ type: 'boolean' })
  enabled!: boolean;
}
