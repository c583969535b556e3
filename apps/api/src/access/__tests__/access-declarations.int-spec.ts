import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { rootOperations, startTestApi, TestApi } from '../../testing/test-api';
import { ACCESS_KEY } from '../access.decorator';

/**
 * Every GraphQL Query and Mutation must declare who may call it (@Access). This walks the
 * served schema and the resolver classes: a new operation without a declaration fails here
 * (and is refused at run time by the guard, which fails closed).
 */
describe('access declarations', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO_DATA: 'false' });
  });
  afterAll(() => api?.close());

  it('covers every root operation of the schema', async () => {
    const operations = await rootOperations(api);

    const declared = new Map<string, unknown>();
    const discovery = new DiscoveryService(api.server.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) ?? method;
        declared.set(`${type}.${name}`, Reflect.getMetadata(ACCESS_KEY, handler));
      }
    }

    expect([...declared.keys()].sort()).toEqual(operations);
    const undeclared = operations.filter((op) => declared.get(op) === undefined);
    expect(undeclared).toEqual([]);
  });
});
