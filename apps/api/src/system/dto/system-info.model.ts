import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DatabaseMode {
  EMBEDDED = 'EMBEDDED',
  EXTERNAL = 'EXTERNAL',
}

registerEnumType(DatabaseMode, {
  name: 'DatabaseMode',
  description:
    'Where the database runs: the embedded server started by the API, or an external one (DATABASE_URL).',
});

@ObjectType({ description: 'Facts about the running system and its database (系统信息).' })
export class SystemInfo {
  @Field({ description: 'Product name as configured in the system settings.' })
  productName!: string;

  @Field({ description: 'API version (package.json).' })
  version!: string;

  @Field({ description: 'PostgreSQL server version, as reported by the database.' })
  databaseServerVersion!: string;

  @Field(() => DatabaseMode)
  databaseMode!: DatabaseMode;

  @Field(() => Int, { description: 'Number of schema migrations applied to the database.' })
  appliedMigrations!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When demo data was first loaded into this database; null if never.',
  })
  demoDataLoadedAt!: Date | null;
}
