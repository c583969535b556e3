import { Module } from '@nestjs/common';
import { BoundaryLoader, boundaryConfigFromEnv } from './boundary-loader';
import { BOUNDARY_LOADER, MapBoundaryController } from './map-boundary.controller';

/** 地图: boundary files a deployment supplies (GeoJSON), served to the overview's map. */
@Module({
  controllers: [MapBoundaryController],
  providers: [
    { provide: BOUNDARY_LOADER, useFactory: () => new BoundaryLoader(boundaryConfigFromEnv()) },
  ],
})
export class MapModule {}
