import { Global, Module } from '@nestjs/common';
import { ProvisionalAccess } from './provisional-access';

@Global()
@Module({ providers: [ProvisionalAccess], exports: [ProvisionalAccess] })
export class AccessModule {}
