import { Query, Resolver } from '@nestjs/graphql';
import { Access, PUBLIC } from '../access/access.decorator';
import { SystemInfo } from './dto/system-info.model';
import { SystemService } from './system.service';

@Resolver(() => SystemInfo)
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  // Public: the sign-in page shows it; it reveals no business data.
  @Access(PUBLIC)
  @Query(() => SystemInfo, { description: 'Product, version and database facts (public).' })
  systemInfo(): Promise<SystemInfo> {
    return this.system.info();
  }
}
