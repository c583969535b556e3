import { Module } from '@nestjs/common';
import { BulletinController } from './bulletin.controller';
import { BulletinResolver } from './bulletin.resolver';
import { BulletinService } from './bulletin.service';

/** 情况通报: periodic bulletins of a supervisor's jurisdiction, previewed, published as DOCX. */
@Module({
  controllers: [BulletinController],
  providers: [BulletinService, BulletinResolver],
})
export class BulletinModule {}
