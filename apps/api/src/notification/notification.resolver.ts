import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AUTHENTICATED } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { PageInput } from '../duty/dto/duty.inputs';
import type { GraphQLContext } from '../graphql/loaders';
import {
  NotificationDeliveryFilterInput,
  NotificationFilterInput,
  UpdateNotificationSettingsInput,
} from './dto/notification.inputs';
import {
  NotificationDeliveryModel,
  NotificationDeliveryPageModel,
  NotificationPageModel,
  NotificationSettingsModel,
} from './dto/notification.models';
import { NotificationCenterService } from './notification-center.service';

/** The notification centre (站内通知), personal settings, and the administrator's delivery log. */
@Resolver()
export class NotificationResolver {
  constructor(private readonly center: NotificationCenterService) {}

  @Access(AUTHENTICATED)
  @Query(() => NotificationPageModel, {
    description: 'The current user’s notifications, newest first.',
  })
  myNotifications(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => NotificationFilterInput, nullable: true })
    filter?: NotificationFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    return this.center.list(
      ctx.principal as Principal,
      filter ?? {},
      page ?? { first: 20, offset: 0 },
    );
  }

  @Access(AUTHENTICATED)
  @Query(() => Int, { description: 'How many of the current user’s notifications are unread.' })
  unreadNotificationCount(@Context() ctx: GraphQLContext) {
    return this.center.unreadCount(ctx.principal as Principal);
  }

  @Access(AUTHENTICATED)
  @Mutation(() => Int, {
    description:
      'Marks the current user’s notifications read (others’ ids are ignored); returns how many changed.',
  })
  markNotificationsRead(
    @Context() ctx: GraphQLContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ) {
    return this.center.markRead(ctx.principal as Principal, ids);
  }

  @Access(AUTHENTICATED)
  @Mutation(() => Int, { description: 'Marks all of the current user’s notifications read.' })
  markAllNotificationsRead(@Context() ctx: GraphQLContext) {
    return this.center.markAllRead(ctx.principal as Principal);
  }

  @Access(AUTHENTICATED)
  @Query(() => NotificationSettingsModel, {
    description: 'The current user’s email address, quiet hours and channels per kind.',
  })
  myNotificationSettings(@Context() ctx: GraphQLContext) {
    return this.center.settings(ctx.principal as Principal);
  }

  @Access(AUTHENTICATED)
  @Mutation(() => NotificationSettingsModel, {
    description: 'Changes the current user’s notification settings.',
  })
  updateMyNotificationSettings(
    @Context() ctx: GraphQLContext,
    @Args('input') input: UpdateNotificationSettingsInput,
  ) {
    return this.center.updateSettings(ctx.principal as Principal, input);
  }

  @Access([Role.SYSTEM_ADMIN])
  @Query(() => NotificationDeliveryPageModel, {
    description: 'The delivery log (email and webhook outbox), newest first.',
  })
  notificationDeliveries(
    @Args('filter', { type: () => NotificationDeliveryFilterInput, nullable: true })
    filter?: NotificationDeliveryFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    return this.center.deliveries(filter ?? {}, page ?? { first: 50, offset: 0 });
  }

  @Access([Role.SYSTEM_ADMIN])
  @Mutation(() => NotificationDeliveryModel, {
    description: 'Sends a FAILED or SKIPPED delivery again (attempts start over).',
  })
  retryNotificationDelivery(@Args('id', { type: () => ID }) id: string) {
    return this.center.retryDelivery(id);
  }
}
