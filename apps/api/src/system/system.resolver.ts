import { Query, Resolver } from '@nestjs/graphql';
import { SystemInfo } from './dto/system-info.model';
import { SystemService } from './system.service';

@Resolver(() => SystemInfo)
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  // Public until sign-in lands (see the users and access issue): it reveals no business data.
  @Query(() => SystemInfo, { description: 'Product, version and database facts (public).' })
  systemInfo(): Promise<SystemInfo> {
    return this.system.info();
  }
}
