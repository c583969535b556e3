import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum NotificationKindEnum {
  TASK_ASSIGNED = 'TASK_ASSIGNED',
  TASK_REASSIGNED = 'TASK_REASSIGNED',
  TASK_RETURNED = 'TASK_RETURNED',
  TASK_VERIFIED = 'TASK_VERIFIED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  COMMENT = 'COMMENT',
  INSTRUCTION = 'INSTRUCTION',
  URGING_ISSUED = 'URGING_ISSUED',
  URGING_ESCALATED = 'URGING_ESCALATED',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  CYCLE_OPENED = 'CYCLE_OPENED',
  CYCLE_CLOSED = 'CYCLE_CLOSED',
  BULLETIN_PUBLISHED = 'BULLETIN_PUBLISHED',
  APPROVAL_REQUESTED = 'APPROVAL_REQUESTED',
  APPROVAL_DECIDED = 'APPROVAL_DECIDED',
  ASSESSMENT_PUBLISHED = 'ASSESSMENT_PUBLISHED',
  OBJECTION_FILED = 'OBJECTION_FILED',
  OBJECTION_DECIDED = 'OBJECTION_DECIDED',
}

registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  valuesMap: {
    TASK_ASSIGNED: { description: '任务交办（新周期生成任务）' },
    TASK_REASSIGNED: { description: '任务转办' },
    TASK_RETURNED: { description: '任务被退回' },
    TASK_VERIFIED: { description: '任务审核通过' },
    EXTENSION_DECIDED: { description: '延期申请已处理' },
    COMMENT: { description: '评论（提及我或我的任务）' },
    INSTRUCTION: { description: '领导批示' },
    URGING_ISSUED: { description: '督办单下发' },
    URGING_ESCALATED: { description: '督办单升级' },
    DUE_SOON: { description: '临近到期（14/3/1 天）' },
    OVERDUE: { description: '已逾期' },
    CYCLE_OPENED: { description: '考核周期开启' },
    CYCLE_CLOSED: { description: '考核周期关闭' },
    BULLETIN_PUBLISHED: { description: '情况通报发布' },
    APPROVAL_REQUESTED: { description: '待我审批（转办、不适用等）' },
    APPROVAL_DECIDED: { description: '我的申请已审批' },
    ASSESSMENT_PUBLISHED: { description: '考核结果公示（异议期开始）' },
    OBJECTION_FILED: { description: '单位对考核结果提出异议' },
    OBJECTION_DECIDED: { description: '考核异议已处理' },
  },
});

export enum NotificationChannelEnum {
  EMAIL = 'EMAIL',
  WEBHOOK = 'WEBHOOK',
}

registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'External channels; in-app notifications are always on.',
  valuesMap: {
    EMAIL: { description: '电子邮件（SMTP）' },
    WEBHOOK: { description: '消息网关（政务微信/钉钉/短信，签名 Webhook）' },
  },
});

export enum DeliveryStatusEnum {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

registerEnumType(DeliveryStatusEnum, {
  name: 'NotificationDeliveryStatus',
  valuesMap: {
    PENDING: { description: '待发送（含等待重试、免打扰时段）' },
    SENDING: { description: '发送中' },
    DELIVERED: { description: '已送达' },
    FAILED: { description: '失败：重试次数已用尽' },
    SKIPPED: { description: '未发送：渠道未配置' },
  },
});

@ObjectType('Notification', { description: '站内通知：一条发给当前用户的消息。' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKindEnum;

  @Field()
  title!: string;

  @Field({ description: 'Plain text.' })
  body!: string;

  @Field({ description: 'Web path of the work behind it, e.g. /tasks/<id>.' })
  link!: string;

  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Field(() => String, { nullable: true })
  unitCode!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while unread.' })
  readAt!: Date | null;
}

@ObjectType('NotificationPage')
export class NotificationPageModel {
  @Field(() => [NotificationModel])
  items!: NotificationModel[];

  @Field(() => Int, { description: 'Matching the filter, all pages.' })
  total!: number;

  @Field(() => Int, { description: 'Unread, whatever the filter.' })
  unread!: number;
}

@ObjectType('NotificationKindSetting', {
  description: 'One kind’s external channels for the current user.',
})
export class NotificationKindSettingModel {
  @Field(() => NotificationKindEnum)
  kind!: NotificationKindEnum;

  @Field()
  email!: boolean;

  @Field()
  webhook!: boolean;
}

@ObjectType('NotificationSettings', { description: '当前用户的通知设置。' })
export class NotificationSettingsModel {
  @Field(() => String, { nullable: true, description: 'Where email notifications go.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Quiet hours start, HH:MM (Asia/Shanghai).' })
  quietHoursStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Quiet hours end, HH:MM (Asia/Shanghai).' })
  quietHoursEnd!: string | null;

  @Field(() => [NotificationKindSettingModel])
  kinds!: NotificationKindSettingModel[];

  @Field({ description: 'Whether the server can send email (SMTP_URL configured).' })
  emailAvailable!: boolean;

  @Field({ description: 'Whether a message gateway is configured (WEBHOOK_URL).' })
  webhookAvailable!: boolean;
}

@ObjectType('NotificationDelivery', { description: '外部渠道的一次投递（发件箱记录）。' })
export class NotificationDeliveryModel {
  @Field(() => ID, { description: 'Also the idempotency key the receiver sees.' })
  id!: string;

  @Field(() => ID)
  notificationId!: string;

  @Field()
  recipientUsername!: string;

  /**
   * The kind only: the log is the system administrator's, who sees no business data, so the
   * notification's title (task, unit, notice number) is not part of it.
   */
  @Field(() => NotificationKindEnum)
  kind!: NotificationKindEnum;

  @Field(() => NotificationChannelEnum)
  channel!: NotificationChannelEnum;

  @Field({ description: 'Email address or webhook URL.' })
  target!: string;

  @Field(() => DeliveryStatusEnum)
  status!: DeliveryStatusEnum;

  @Field(() => Int)
  attempts!: number;

  @Field(() => GraphQLISODateTime)
  nextAttemptAt!: Date;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('NotificationDeliveryCount')
export class NotificationDeliveryCountModel {
  @Field(() => DeliveryStatusEnum)
  status!: DeliveryStatusEnum;

  @Field(() => Int)
  count!: number;
}

@ObjectType('NotificationDeliveryPage')
export class NotificationDeliveryPageModel {
  @Field(() => [NotificationDeliveryModel])
  items!: NotificationDeliveryModel[];

  @Field(() => Int)
  total!: number;

  @Field(() => [NotificationDeliveryCountModel], { description: 'Rows per status, all of them.' })
  counts!: NotificationDeliveryCountModel[];
}
