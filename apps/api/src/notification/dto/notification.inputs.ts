import { Field, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  DeliveryStatusEnum,
  NotificationChannelEnum,
  NotificationKindEnum,
} from './notification.models';

@InputType({ description: 'Filters of the notification centre.' })
export class NotificationFilterInput {
  @Field(() => [NotificationKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @IsEnum(NotificationKindEnum, { each: true })
  @ArrayMaxSize(20)
  kinds?: NotificationKindEnum[];

  @Field({ nullable: true, description: 'Only unread ones.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

@InputType()
export class NotificationChannelSettingInput {
  @Field(() => NotificationKindEnum)
  @IsEnum(NotificationKindEnum)
  kind!: NotificationKindEnum;

  @Field(() => NotificationChannelEnum)
  @IsEnum(NotificationChannelEnum)
  channel!: NotificationChannelEnum;

  @Field()
  @IsBoolean()
  enabled!: boolean;
}

@InputType({
  description:
    'The current user’s notification settings. Omitted fields keep their value; an empty string clears the email address or the quiet hours.',
})
export class UpdateNotificationSettingsInput {
  @Field(() => String, { nullable: true, description: 'Email address; empty string to remove.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM, with quietHoursEnd; empty: none.' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  quietHoursStart?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM, with quietHoursStart; empty: none.' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  quietHoursEnd?: string | null;

  @Field(() => [NotificationChannelSettingInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => NotificationChannelSettingInput)
  @ArrayMaxSize(64)
  channels?: NotificationChannelSettingInput[];
}

@InputType({ description: 'Filters of the delivery log.' })
export class NotificationDeliveryFilterInput {
  @Field(() => DeliveryStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatusEnum)
  status?: DeliveryStatusEnum;

  @Field(() => NotificationChannelEnum, { nullable: true })
  @IsOptional()
  @IsEnum(NotificationChannelEnum)
  channel?: NotificationChannelEnum;

  @Field({ nullable: true, description: 'Recipient username (exact).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recipient?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  notificationId?: string;
}
