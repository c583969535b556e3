import { Global, Module } from '@nestjs/common';
import { DueReminders } from './due-reminders';
import { NotificationCenterService } from './notification-center.service';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** Notifications for every module (global): notify() inside their transactions. */
@Global()
@Module({
  providers: [
    NotificationService,
    NotificationDispatcher,
    NotificationCenterService,
    NotificationResolver,
    DueReminders,
  ],
  exports: [NotificationService, NotificationDispatcher, DueReminders],
})
export class NotificationModule {}
