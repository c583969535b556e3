import { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

type ModuleEntry = Type | DynamicModule | ForwardReference | Promise<DynamicModule>;

/** The SDL of a schema as the committed file holds it: sorted as the server sorts it. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

/**
 * The classes of every provider in a module tree. The server hands Nest's schema factory the
 * class of every provider of every module, and the factory keeps those carrying resolver
 * metadata; walking the same tree without instantiating anything (so without a database)
 * gives it the same input, and a resolver added to any module is picked up without a list
 * to maintain.
 */
export async function providerClasses(root: ModuleEntry): Promise<Type[]> {
  const classes = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = async (entry: ModuleEntry | undefined): Promise<void> => {
    const resolved = await entry;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if ('forwardRef' in resolved) return visit(resolved.forwardRef());
    const moduleClass: Type = 'module' in resolved ? resolved.module : resolved;
    const dynamic: Partial<DynamicModule> = 'module' in resolved ? resolved : {};
    const imports: ModuleEntry[] = [
      ...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? []),
      ...(dynamic.imports ?? []),
    ];
    const providers: Provider[] = [
      ...(Reflect.getMetadata(MODULE_METADATA.PROVIDERS, moduleClass) ?? []),
      ...(dynamic.providers ?? []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function') classes.add(provider);
      else if ('useClass' in provider) classes.add(provider.useClass);
    }
    for (const imported of imports) await visit(imported);
  };
  await visit(root);
  return [...classes];
}

/**
 * Builds the GraphQL schema of a module tree with Nest's schema factory, as the server does
 * at start (code first, default build options), and returns its sorted SDL. Starts nothing.
 */
export async function schemaSdlOf(root: ModuleEntry): Promise<string> {
  const resolvers = await providerClasses(root);
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    return printSortedSchema(await app.get(GraphQLSchemaFactory).create(resolvers));
  } finally {
    await app.close();
  }
}
