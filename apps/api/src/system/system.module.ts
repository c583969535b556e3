import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SystemResolver } from './system.resolver';
import { SystemService } from './system.service';
import { SystemSetting } from './system-setting.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SystemSetting])],
  providers: [SystemService, SystemResolver],
})
export class SystemModule {}
