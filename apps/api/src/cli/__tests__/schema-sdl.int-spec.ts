import { GraphQLSchemaHost } from '@nestjs/graphql';
import pino from 'pino';
import { AppModule } from '../../app.module';
import { startTestApi, TestApi } from '../../testing/test-api';
import { printSortedSchema, schemaSdlOf } from '../schema-sdl';

describe('schema:print builds the schema the server serves', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('prints, without a database, the same SDL as the running server', async () => {
    const served = printSortedSchema(api.server.app.get(GraphQLSchemaHost).schema);
    const printed = await schemaSdlOf(
      AppModule.forRoot({
        config: api.config,
        logger: pino({ level: 'silent' }),
        databaseUrl: '',
        embeddedDatabase: false,
      }),
    );
    expect(printed).toBe(served);
    // Guards against comparing two empty schemas.
    expect(served).toContain('type Query');
  });
});
